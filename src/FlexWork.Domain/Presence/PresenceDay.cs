using FlexWork.Domain.Common;
using FlexWork.Domain.Policies;

namespace FlexWork.Domain.Presence;

/// <summary>
/// The day a check-in falls on for the person: their local date, where the schedule has them
/// (the mode), and whether it is a working day. A check-in on a holiday is kept, flagged.
/// </summary>
public sealed record PresenceSlot(DateOnly Date, WorkMode Mode, bool IsWorkingDay)
{
    /// <summary>The person's local date of an instant, in their zone (WIB, WITA or WIT).</summary>
    public static DateOnly LocalDate(DateTimeOffset at, string timeZoneId) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(IndonesianTimeZones.Require(timeZoneId))).DateTime);
}

/// <summary>A position as stored until the policy's retention ends; the outcome of its check stays after.</summary>
public sealed record StoredPosition(double Latitude, double Longitude);

/// <summary>
/// One person's presence (presensi) on one day: one check-in and one check-out, each with the
/// location check of that moment. The raw position is kept only until the retention period ends;
/// nothing is recorded in between. A forgotten check-out or a wrong time is corrected through a
/// request the supervisor approves, never by checking in again.
/// </summary>
public sealed class PresenceDay : AggregateRoot, IAgencyOwned
{
    private PresenceDay(Guid agencyId, Guid employeeId, PresenceSlot slot)
    {
        Id = Guid.CreateVersion7();
        AgencyId = agencyId;
        EmployeeId = employeeId;
        Date = slot.Date;
        Mode = slot.Mode;
        OnNonWorkingDay = !slot.IsWorkingDay;
        CheckInCheck = LocationCheck.NotGiven;
    }

    private PresenceDay()
    {
        CheckInCheck = LocationCheck.NotGiven;
    }

    public Guid Id { get; private set; }

    /// <summary>Concurrency token (PostgreSQL xmin).</summary>
    public uint Version { get; private set; }

    public Guid AgencyId { get; private set; }

    public Guid EmployeeId { get; private set; }

    /// <summary>The person's local date.</summary>
    public DateOnly Date { get; private set; }

    /// <summary>Where the schedule had the person that day.</summary>
    public WorkMode Mode { get; private set; }

    /// <summary>Checked in on a weekend or holiday: kept, and shown as such.</summary>
    public bool OnNonWorkingDay { get; private set; }

    public DateTimeOffset CheckedInAt { get; private set; }

    public LocationCheck CheckInCheck { get; private set; }

    public StoredPosition? CheckInPosition { get; private set; }

    public DateTimeOffset? CheckedOutAt { get; private set; }

    public LocationCheck? CheckOutCheck { get; private set; }

    public StoredPosition? CheckOutPosition { get; private set; }

    /// <summary>The approved correction that last set the times, if any.</summary>
    public Guid? CorrectionId { get; private set; }

    /// <summary>When the raw positions were deleted (the checks stay).</summary>
    public DateTimeOffset? PositionsPurgedAt { get; private set; }

    public TimeSpan? Worked => CheckedOutAt - CheckedInAt;

    public bool IsFlagged => CheckInCheck.IsFlag || CheckOutCheck?.IsFlag == true;

    /// <summary>
    /// Checks in on the day. A day already checked in keeps its first check-in and is returned as
    /// it is (a second tap, a retried request): one record per person and day.
    /// </summary>
    public static PresenceDay CheckIn(
        PresenceDay? existing, Guid agencyId, Guid employeeId, PresenceSlot slot, DateTimeOffset at, LocationReading? reading, LocationCheck check)
    {
        if (existing is not null)
        {
            return existing.Date == slot.Date && existing.EmployeeId == employeeId ? existing : throw new ArgumentException("Another person's or day's presence.", nameof(existing));
        }

        var day = new PresenceDay(agencyId, employeeId, slot)
        {
            CheckedInAt = ToTheSecond(at),
            CheckInCheck = check,
            CheckInPosition = Position(reading),
        };
        day.Raise(new CheckedIn(day));
        return day;
    }

    public void CheckOut(DateTimeOffset at, LocationReading? reading, LocationCheck check)
    {
        if (CheckedOutAt is not null)
        {
            throw new DomainException("PRESENCE_ALREADY_CHECKED_OUT");
        }

        if (at < CheckedInAt)
        {
            throw new DomainException("PRESENCE_CHECKOUT_BEFORE_CHECKIN");
        }

        (CheckedOutAt, CheckOutCheck, CheckOutPosition) = (ToTheSecond(at), check, PositionsPurgedAt is null ? Position(reading) : null);
    }

    /// <summary>
    /// The day as an approved correction of times puts it: its times replace the recorded ones (a day never
    /// checked in is created); the location checks of the taps stay, and a check-out that was never
    /// tapped has no location.
    /// </summary>
    public static PresenceDay Corrected(PresenceDay? existing, PresenceSlot slot, PresenceCorrection correction)
    {
        if (correction is not { Status: CorrectionStatus.Approved, CheckedInAt: { } checkedIn, CheckedOutAt: { } checkedOut }
            || correction.Date != slot.Date || (existing is not null && existing.EmployeeId != correction.EmployeeId))
        {
            throw new ArgumentException("Only an approved correction of this person's day applies.", nameof(correction));
        }

        var day = existing ?? new PresenceDay(correction.AgencyId, correction.EmployeeId, slot);
        (day.CheckedInAt, day.CheckedOutAt, day.CorrectionId) = (checkedIn, checkedOut, correction.Id);
        day.CheckOutCheck ??= LocationCheck.NotGiven;
        return day;
    }

    /// <summary>Deletes the raw positions once the retention period has passed since the check-in; the checks stay. True when something was deleted.</summary>
    public bool PurgePositions(DateTimeOffset now, int retentionDays)
    {
        if (now < CheckedInAt.AddDays(retentionDays) || (CheckInPosition is null && CheckOutPosition is null))
        {
            return false;
        }

        (CheckInPosition, CheckOutPosition, PositionsPurgedAt) = (null, null, now.ToUniversalTime());
        return true;
    }

    /// <summary>Presence is kept to the second, as attendance machines give it: a time read back is the time first answered.</summary>
    private static DateTimeOffset ToTheSecond(DateTimeOffset at) => new DateTimeOffset(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private static StoredPosition? Position(LocationReading? reading) => reading is null ? null : new StoredPosition(reading.Latitude, reading.Longitude);
}

public sealed record CheckedIn(PresenceDay Day) : IDomainEvent;
