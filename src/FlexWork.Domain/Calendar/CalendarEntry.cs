using FlexWork.Domain.Common;

namespace FlexWork.Domain.Calendar;

public enum CalendarEntryKind
{
    /// <summary>Hari libur nasional.</summary>
    NationalHoliday,

    /// <summary>Cuti bersama: a collective leave day, not a working day for ASN.</summary>
    CutiBersama,

    /// <summary>A holiday of the agency, or a regional holiday for a unit and the units under it.</summary>
    AgencyHoliday,

    /// <summary>A mandatory office day (apel, events): no remote work that day.</summary>
    MandatoryOffice,
}

/// <summary>
/// A day in an agency's calendar. National holidays and cuti bersama are shipped as data and
/// copied into each agency, where admins can correct them; <see cref="UnitId"/> narrows an entry
/// to a unit and the units under it (a regional holiday, a unit's apel).
/// </summary>
public sealed class CalendarEntry : IAgencyOwned
{
    public const int MaxNameLength = 200;

    private CalendarEntry(Guid id, Guid agencyId, DateOnly date, CalendarEntryKind kind, string name, Guid? unitId)
    {
        Id = id;
        AgencyId = agencyId;
        Date = date;
        Kind = kind;
        Name = name;
        UnitId = unitId;
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    public DateOnly Date { get; private set; }

    public CalendarEntryKind Kind { get; private set; }

    public string Name { get; private set; }

    /// <summary>Null: the whole agency.</summary>
    public Guid? UnitId { get; private set; }

    public bool IsHoliday => Kind != CalendarEntryKind.MandatoryOffice;

    public static CalendarEntry Create(Guid agencyId, DateOnly date, CalendarEntryKind kind, string name, Guid? unitId = null)
    {
        name = Guard.Name(name);
        if (name.Length > MaxNameLength)
        {
            throw new DomainException("NAME_TOO_LONG", MaxNameLength);
        }

        if (unitId is not null && kind is CalendarEntryKind.NationalHoliday or CalendarEntryKind.CutiBersama)
        {
            throw new DomainException("CALENDAR_NATIONAL_FOR_UNIT");
        }

        return new CalendarEntry(Guid.CreateVersion7(), agencyId, date, kind, name, unitId);
    }

    /// <summary>Whether an entry for <paramref name="entryUnitId"/> (null: the whole agency) concerns an employee of the unit with this path (the unit, then its parents).</summary>
    public static bool AppliesTo(Guid? entryUnitId, IReadOnlyList<Guid> unitPath) => entryUnitId is not { } unit || unitPath.Contains(unit);
}
