using FlexWork.Application.Common;
using FlexWork.Application.Performance;
using FlexWork.Application.Policies;
using FlexWork.Application.Requests;
using FlexWork.Application.Schedules.ViewSchedule;
using FlexWork.Domain.Policies;
using FlexWork.Domain.Presence;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Presence;

/// <summary>One person of the team today: where the schedule has them and their taps; a flag is for the supervisor to look into, never a sanction.</summary>
public sealed record TeamPresenceRow(
    Guid EmployeeId, string FullName, WorkMode Mode, bool IsWorkingDay, PresenceTap? CheckIn, PresenceTap? CheckOut, bool Corrected)
{
    public bool IsFlagged => CheckIn?.Check.IsFlag == true || CheckOut?.Check.IsFlag == true;
}

/// <summary>The team's day in the supervisor's zone (<see cref="TimeZoneId"/>: how the times are shown).</summary>
public sealed record TeamPresenceToday(DateOnly Date, string TimeZoneId, IReadOnlyList<TeamPresenceRow> People, IReadOnlyList<CorrectionView> PendingCorrections);

/// <summary>
/// The supervisor's side of presence: the team's day, and the corrections they decide. The team is
/// whoever the caller decides for at the first level (their own people, or an absent official's
/// as acting official); nobody decides their own correction.
/// </summary>
public sealed class TeamPresenceService(IFlexWorkDbContextFactory dbFactory, ICurrentUser currentUser, TimeProvider timeProvider)
{
    public async Task<TeamPresenceToday> TodayAsync(CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var zone = (await PolicyContextLoader.PlaceAsync(db, me, cancellationToken)).TimeZoneId;
        var today = PresenceSlot.LocalDate(timeProvider.GetUtcNow(), zone);
        var team = await PerformanceRights.TeamAsync(db, me, today, cancellationToken);
        var ids = team.Select(m => m.EmployeeId).ToList();

        var modes = (await db.WorkRequests.Where(r => ids.Contains(r.EmployeeId)).ApprovedDays(today, today)
                .Select(d => new { d.EmployeeId, d.Mode }).ToListAsync(cancellationToken))
            .DistinctBy(d => d.EmployeeId).ToDictionary(d => d.EmployeeId, d => d.Mode);
        var days = await db.PresenceDays.AsNoTracking().Where(d => ids.Contains(d.EmployeeId) && d.Date == today).ToDictionaryAsync(d => d.EmployeeId, cancellationToken);
        var tree = await db.UnitTreeAsync(cancellationToken);
        var workingByUnit = (await ScheduleService.DaysByUnitAsync(db, tree, team.Select(m => m.UnitId), today, today, cancellationToken))
            .ToDictionary(u => u.Key, u => u.Value[0].IsWorkingDay);

        var pending = await CorrectionView.From(db, db.PresenceCorrections.AsNoTracking()
                .Where(c => ids.Contains(c.EmployeeId) && c.Status == CorrectionStatus.Pending).OrderBy(c => c.RequestedAt).Take(200))
            .ToListAsync(cancellationToken);
        TeamPresenceRow Row(Performance.TeamMember member)
        {
            var day = days.GetValueOrDefault(member.EmployeeId);
            return new TeamPresenceRow(
                member.EmployeeId, member.FullName, modes.GetValueOrDefault(member.EmployeeId, WorkMode.Office), workingByUnit[member.UnitId],
                day is null ? null : PresenceTap.Of(day.CheckedInAt, day.CheckInCheck), PresenceTap.Of(day?.CheckedOutAt, day?.CheckOutCheck), day?.CorrectionId is not null);
        }

        return new TeamPresenceToday(today, zone, [.. team.Select(Row)], pending);
    }

    /// <summary>Approves a correction: the day takes its times in the same transaction (an excuse changes no times), and the decision is audited with the request.</summary>
    public Task<CorrectionView> ApproveAsync(Guid id, string? comment, uint version, CancellationToken cancellationToken = default) =>
        DecideAsync(id, version, approve: true, comment, cancellationToken);

    public Task<CorrectionView> RejectAsync(Guid id, string? comment, uint version, CancellationToken cancellationToken = default) =>
        DecideAsync(id, version, approve: false, comment, cancellationToken);

    private async Task<CorrectionView> DecideAsync(Guid id, uint version, bool approve, string? comment, CancellationToken cancellationToken)
    {
        var me = currentUser.RequireEmployee();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var correction = await db.PresenceCorrections.SingleOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFoundException("PresenceCorrection", id);
        if (correction.EmployeeId == me)
        {
            throw new ForbiddenAccessException("PRESENCE_OWN_DECISION");
        }

        await PerformanceRights.RequireActingForAsync(db, me, correction.EmployeeId, timeProvider, cancellationToken);

        db.ExpectVersion(correction, version);
        var now = timeProvider.GetUtcNow();
        if (approve && correction.Excuse is null)
        {
            correction.Approve(me, currentUser.UserId, comment, now);
            var existing = await db.PresenceDays.SingleOrDefaultAsync(d => d.EmployeeId == correction.EmployeeId && d.Date == correction.Date, cancellationToken);
            var slot = existing is null
                ? (await PresencePlaces.OfAsync(db, await PolicyContextLoader.PlaceAsync(db, correction.EmployeeId, cancellationToken), correction.Date, cancellationToken)).Slot
                : new PresenceSlot(existing.Date, existing.Mode, !existing.OnNonWorkingDay);
            var day = PresenceDay.Corrected(existing, slot, correction);
            if (existing is null)
            {
                db.PresenceDays.Add(day);
            }
        }
        else if (approve)
        {
            correction.Approve(me, currentUser.UserId, comment, now); // an excused absence: the day stays without presence, and is no absence
        }
        else
        {
            correction.Reject(me, currentUser.UserId, comment, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return await CorrectionView.From(db, db.PresenceCorrections.AsNoTracking().Where(c => c.Id == id)).SingleAsync(cancellationToken);
    }
}
