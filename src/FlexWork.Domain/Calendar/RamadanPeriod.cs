using FlexWork.Domain.Common;
using FlexWork.Domain.Policies;

namespace FlexWork.Domain.Calendar;

/// <summary>
/// The days of Ramadan in an agency's calendar, on which the policy's Ramadan working hours apply
/// (32.5 hours a week from 08:00 by default). The years the national calendar ships come with
/// FlexWork; admins add the coming years once the government sets them.
/// </summary>
public sealed class RamadanPeriod : IAgencyOwned
{
    public const int MaxNameLength = 100;

    private RamadanPeriod(Guid id, Guid agencyId, DateOnly from, DateOnly to, string name)
    {
        Id = id;
        AgencyId = agencyId;
        From = from;
        To = to;
        Name = name;
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    public DateOnly From { get; private set; }

    /// <summary>The last day of Ramadan (inclusive).</summary>
    public DateOnly To { get; private set; }

    /// <summary>E.g. "Ramadan 1447 H".</summary>
    public string Name { get; private set; }

    /// <summary>A month of 28 to 31 days (a lunar month is 29 or 30; a day's leeway either side for the sighting).</summary>
    public static RamadanPeriod Create(Guid agencyId, DateOnly from, DateOnly to, string name)
    {
        name = Guard.Name(name);
        if (name.Length > MaxNameLength)
        {
            throw new DomainException("NAME_TOO_LONG", MaxNameLength);
        }

        var days = to.DayNumber - from.DayNumber + 1;
        return days is >= 28 and <= 31
            ? new RamadanPeriod(Guid.CreateVersion7(), agencyId, from, to, name)
            : throw new DomainException("RAMADAN_PERIOD_LENGTH", days);
    }

    public DateRange ToRange() => new(From, To);
}
