using System.Text.RegularExpressions;
using FlexWork.Domain.Common;

namespace FlexWork.Domain.Agencies;

/// <summary>A government agency (instansi): the tenant every other row belongs to.</summary>
public sealed partial class Agency
{
    private Agency(Guid id, string code, string name, string timeZoneId)
    {
        Id = id;
        Code = code;
        Name = name;
        TimeZoneId = timeZoneId;
        IsActive = true;
    }

    public Guid Id { get; private set; }

    /// <summary>Concurrency token (PostgreSQL xmin): edits carry it so a stale save is refused.</summary>
    public uint Version { get; private set; }

    /// <summary>Short unique code, upper case, e.g. "DEMO" or "KEMENPANRB".</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    /// <summary>Default IANA time zone of the agency; units and employees may override it.</summary>
    public string TimeZoneId { get; private set; }

    public bool IsActive { get; private set; }

    public static Agency Create(string code, string name, string timeZoneId)
    {
        code = code.Trim().ToUpperInvariant();
        if (!CodePattern().IsMatch(code))
        {
            throw new DomainException("AGENCY_CODE_INVALID", code);
        }

        return new Agency(Guid.CreateVersion7(), code, Guard.Name(name), IndonesianTimeZones.Require(timeZoneId));
    }

    public void Rename(string name) => Name = Guard.Name(name);

    public void Deactivate() => IsActive = false;

    public void Reactivate() => IsActive = true;


    [GeneratedRegex("^[A-Z][A-Z0-9-]{1,19}$")]
    private static partial Regex CodePattern();
}
