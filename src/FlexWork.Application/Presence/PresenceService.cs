using FlexWork.Application.Common;
using FlexWork.Application.Policies;
using FlexWork.Domain.Common;
using FlexWork.Domain.Policies;
using FlexWork.Domain.Presence;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Presence;

/// <summary>The browser's position, given with the person's consent; all three or none (no location).</summary>
public sealed record PresenceInput(double? Latitude = null, double? Longitude = null, double? AccuracyMeters = null)
{
    public LocationReading? Reading() => (Latitude, Longitude, AccuracyMeters) switch
    {
        (null, null, null) => null,
        ({ } lat, { } lon, { } accuracy) => new LocationReading(lat, lon, accuracy).Checked(),
        _ => throw new DomainException("PRESENCE_LOCATION_INVALID"),
    };
}

/// <summary>A check-in or check-out as shown: when, and what its location check said (never the raw position).</summary>
public sealed record PresenceTap(DateTimeOffset At, LocationCheck Check)
{
    public static PresenceTap? Of(DateTimeOffset? at, LocationCheck? check) => at is { } time && check is not null ? new PresenceTap(time, check) : null;
}

/// <summary>
/// The caller's presence today: the date in their zone, the mode and place the schedule gives, and
/// the taps so far. <see cref="PlaceOnMap"/> says whether a location can be judged at all.
/// </summary>
public sealed record PresenceToday(
    DateOnly Date, string TimeZoneId, WorkMode Mode, bool IsWorkingDay, string? Holiday, string? PlaceName, bool PlaceOnMap,
    PresenceTap? CheckIn, PresenceTap? CheckOut, bool Corrected, int PositionRetentionDays);

/// <summary>
/// A correction asked for: the day and why, with either the times on the person's local clock or,
/// for a day not worked, the <see cref="Excuse"/>.
/// </summary>
public sealed record CorrectionInput(DateOnly Date, TimeOnly? CheckIn, TimeOnly? CheckOut, string? Reason, AbsenceExcuse? Excuse = null);

public sealed record CorrectionView(
    Guid Id, Guid EmployeeId, string FullName, DateOnly Date, DateTimeOffset? CheckedInAt, DateTimeOffset? CheckedOutAt, AbsenceExcuse? Excuse,
    string Reason, CorrectionStatus Status, DateTimeOffset RequestedAt, string? DecisionComment, uint Version)
{
    public static IQueryable<CorrectionView> From(IFlexWorkDbContext db, IQueryable<PresenceCorrection> corrections) =>
        corrections.Select(c => new CorrectionView(
            c.Id, c.EmployeeId, db.Employees.Where(e => e.Id == c.EmployeeId).Select(e => e.FullName).Single(), c.Date, c.CheckedInAt, c.CheckedOutAt,
            c.Excuse, c.Reason, c.Status, c.RequestedAt, c.DecisionComment, c.Version));
}

/// <summary>
/// Presensi: one check-in and one check-out a day, each with the location taken once, with
/// consent, and judged against the day's place. Nothing is tracked in between.
/// </summary>
public sealed class PresenceService(IFlexWorkDbContextFactory dbFactory, ICurrentUser currentUser, TimeProvider timeProvider)
{
    public async Task<PresenceToday> TodayAsync(CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var (person, place, policy) = await TodaysPlaceAsync(db, me, cancellationToken);
        var day = await db.PresenceDays.AsNoTracking().SingleOrDefaultAsync(d => d.EmployeeId == me && d.Date == place.Slot.Date, cancellationToken);
        return View(person, place, policy, day);
    }

    /// <summary>Checks in; a day already checked in stays as it was (one record per person and day, also when two taps race).</summary>
    public async Task<PresenceToday> CheckInAsync(PresenceInput input, CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        var reading = input.Reading();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var (person, place, policy) = await TodaysPlaceAsync(db, me, cancellationToken);
        var existing = await db.PresenceDays.SingleOrDefaultAsync(d => d.EmployeeId == me && d.Date == place.Slot.Date, cancellationToken);
        var day = PresenceDay.CheckIn(
            existing, currentUser.RequireAgency(), me, place.Slot, timeProvider.GetUtcNow(), reading, LocationCheck.Of(reading, place.Area, policy.MaxAccuracyMeters));
        if (existing is null)
        {
            db.PresenceDays.Add(day);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DuplicateException)
            {
                await using var again = await dbFactory.CreateAsync(cancellationToken);
                day = await again.PresenceDays.AsNoTracking().SingleAsync(d => d.EmployeeId == me && d.Date == place.Slot.Date, cancellationToken);
            }
        }

        return View(person, place, policy, day);
    }

    /// <summary>Checks out of today; refused before a check-in and after a check-out (a correction request puts those right).</summary>
    public async Task<PresenceToday> CheckOutAsync(PresenceInput input, CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        var reading = input.Reading();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var (person, place, policy) = await TodaysPlaceAsync(db, me, cancellationToken);
        var day = await db.PresenceDays.SingleOrDefaultAsync(d => d.EmployeeId == me && d.Date == place.Slot.Date, cancellationToken)
            ?? throw new DomainException("PRESENCE_CHECKOUT_BEFORE_CHECKIN");
        day.CheckOut(timeProvider.GetUtcNow(), reading, LocationCheck.Of(reading, place.Area, policy.MaxAccuracyMeters));
        await db.SaveChangesAsync(cancellationToken);
        return View(person, place, policy, day);
    }

    /// <summary>Asks the supervisor to put a past or today's day right, or to excuse a day not worked; one open request per day.</summary>
    public async Task<CorrectionView> RequestCorrectionAsync(CorrectionInput input, CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var person = await PolicyContextLoader.PlaceAsync(db, me, cancellationToken);
        var (agencyId, now) = (currentUser.RequireAgency(), timeProvider.GetUtcNow());
        var correction = (input.Excuse, input.CheckIn, input.CheckOut) switch
        {
            ({ } excuse, null, null) => PresenceCorrection.ExcuseAbsence(agencyId, me, input.Date, excuse, person.TimeZoneId, input.Reason, now),
            (null, { } checkIn, { } checkOut) => PresenceCorrection.Request(agencyId, me, input.Date, checkIn, checkOut, person.TimeZoneId, input.Reason, now),
            _ => throw new DomainException("PRESENCE_CORRECTION_INCOMPLETE"),
        };
        db.PresenceCorrections.Add(correction);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DuplicateException)
        {
            throw new DomainException("PRESENCE_CORRECTION_PENDING", input.Date);
        }

        return await CorrectionView.From(db, db.PresenceCorrections.Where(c => c.Id == correction.Id)).SingleAsync(cancellationToken);
    }

    /// <summary>The caller's latest correction requests, newest first.</summary>
    public async Task<IReadOnlyList<CorrectionView>> MyCorrectionsAsync(CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return await CorrectionView.From(db, db.PresenceCorrections.AsNoTracking().Where(c => c.EmployeeId == me).OrderByDescending(c => c.RequestedAt).Take(20))
            .ToListAsync(cancellationToken);
    }

    private async Task<(EmployeePlace Person, PresencePlace Place, PresenceRules Policy)> TodaysPlaceAsync(
        IFlexWorkDbContext db, Guid me, CancellationToken cancellationToken)
    {
        var person = await PolicyContextLoader.PlaceAsync(db, me, cancellationToken);
        var today = PresenceSlot.LocalDate(timeProvider.GetUtcNow(), person.TimeZoneId);
        var place = await PresencePlaces.OfAsync(db, person, today, cancellationToken);
        var policy = (await PolicyContextLoader.InForceAsync(db, today, cancellationToken)).Settings.Presence;
        return (person, place, policy);
    }

    private static PresenceToday View(EmployeePlace person, PresencePlace place, PresenceRules policy, PresenceDay? day) => new(
        place.Slot.Date, person.TimeZoneId, place.Slot.Mode, place.Slot.IsWorkingDay, place.Holiday, place.PlaceName, place.Area is not null,
        day is null ? null : PresenceTap.Of(day.CheckedInAt, day.CheckInCheck), PresenceTap.Of(day?.CheckedOutAt, day?.CheckOutCheck),
        day?.CorrectionId is not null, policy.PositionRetentionDays);
}
