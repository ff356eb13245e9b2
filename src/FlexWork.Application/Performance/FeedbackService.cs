using FlexWork.Application.Common;
using FlexWork.Domain.Performance;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Performance;

/// <summary>
/// Continuous feedback: the supervisor (or the acting official) comments on a report or a target
/// and records dialog kinerja; the employee and the supervisor both read it.
/// </summary>
public sealed class FeedbackService(IFlexWorkDbContextFactory dbFactory, ICurrentUser currentUser, TimeProvider timeProvider)
{
    /// <summary>The newest feedback for one person: the caller themselves, or one of their people.</summary>
    public async Task<IReadOnlyList<FeedbackView>> ForAsync(Guid employeeId, CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        if (employeeId != me)
        {
            await PerformanceRights.RequireActingForAsync(db, me, employeeId, timeProvider, cancellationToken);
        }

        var rows = await db.Feedback.AsNoTracking().Where(f => f.EmployeeId == employeeId).OrderByDescending(f => f.CreatedAt).Take(100).ToListAsync(cancellationToken);
        var names = await PerformanceQueries.NamesAsync(db, rows.Select(f => f.AuthorEmployeeId), cancellationToken);
        return [.. rows.Select(f => new FeedbackView(f.Id, f.EmployeeId, f.Kind, f.SubjectId, names.GetValueOrDefault(f.AuthorEmployeeId, ""), f.Text, f.HeldOn, f.AgreedActions, f.CreatedAt))];
    }

    public Task<FeedbackView> OnReportAsync(Guid reportId, string? text, CancellationToken cancellationToken = default) =>
        AddAsync(async (db, me, ct) =>
        {
            var report = await db.WorkReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reportId, ct) ?? throw new NotFoundException("WorkReport", reportId);
            await RequireLeadsAsync(db, me, report.EmployeeId, "WorkReport", reportId, ct);
            return Feedback.OnReport(report, me, currentUser.UserId, text, timeProvider.GetUtcNow());
        }, cancellationToken);

    public Task<FeedbackView> OnTargetAsync(Guid targetId, string? text, CancellationToken cancellationToken = default) =>
        AddAsync(async (db, me, ct) =>
        {
            var target = await db.PerformanceTargets.AsNoTracking().SingleOrDefaultAsync(t => t.Id == targetId, ct) ?? throw new NotFoundException("PerformanceTarget", targetId);
            await RequireLeadsAsync(db, me, target.EmployeeId, "PerformanceTarget", targetId, ct);
            return Feedback.OnTarget(target, me, currentUser.UserId, text, timeProvider.GetUtcNow());
        }, cancellationToken);

    public Task<FeedbackView> DialogAsync(Guid employeeId, DateOnly heldOn, string? notes, string? agreedActions, CancellationToken cancellationToken = default) =>
        AddAsync(async (db, me, ct) =>
        {
            await RequireLeadsAsync(db, me, employeeId, "Employee", employeeId, ct);
            var today = await PerformanceQueries.TodayAsync(db, me, timeProvider, ct);
            return Feedback.Dialog(currentUser.RequireAgency(), employeeId, me, currentUser.UserId, heldOn, today, notes, agreedActions, timeProvider.GetUtcNow());
        }, cancellationToken);

    private async Task<FeedbackView> AddAsync(Func<IFlexWorkDbContext, Guid, CancellationToken, Task<Feedback>> create, CancellationToken cancellationToken)
    {
        var me = currentUser.RequireEmployee();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var feedback = await create(db, me, cancellationToken);
        db.Feedback.Add(feedback);
        await db.SaveChangesAsync(cancellationToken);
        var author = (await PerformanceQueries.NamesAsync(db, [me], cancellationToken))[me];
        return new FeedbackView(feedback.Id, feedback.EmployeeId, feedback.Kind, feedback.SubjectId, author, feedback.Text, feedback.HeldOn, feedback.AgreedActions, feedback.CreatedAt);
    }

    /// <summary>Feedback comes from the person's supervisor or acting official; their own gets 403, anyone else's 404.</summary>
    private async Task RequireLeadsAsync(IFlexWorkDbContext db, Guid me, Guid employeeId, string entity, Guid id, CancellationToken cancellationToken)
    {
        if (await PerformanceRights.ActingForAsync(db, me, employeeId, timeProvider, cancellationToken) is null)
        {
            throw employeeId == me ? new ForbiddenAccessException("FEEDBACK_OWN") : new NotFoundException(entity, id);
        }
    }
}
