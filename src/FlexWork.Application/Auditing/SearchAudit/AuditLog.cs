using FlexWork.Application.Accounts.InviteEmployee;
using FlexWork.Application.Common;
using FlexWork.Domain.Auditing;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Auditing.SearchAudit;

/// <summary>Filters of the audit viewer; dates are whole days in the agency's time zone.</summary>
public sealed record AuditQuery(
    string? Who = null, string? Action = null, string? EntityType = null, DateOnly? From = null, DateOnly? To = null, int Page = 1, int PageSize = 50)
{
    public const int MaxPageSize = 200;
}

public sealed record AuditItem(
    long Id, DateTimeOffset OccurredAt, string? UserId, string? UserEmail, string EntityType, string EntityId, string Action, string Changes, string? IpAddress);

public sealed class AuditQueryValidator : AbstractValidator<AuditQuery>
{
    public AuditQueryValidator()
    {
        RuleFor(x => x.Page).InclusiveBetween(1, 1_000_000).WithErrorCode("PAGE_INVALID");
        RuleFor(x => x.PageSize).InclusiveBetween(1, AuditQuery.MaxPageSize).WithErrorCode("PAGE_SIZE_INVALID");
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null && x.To is not null).WithErrorCode("DATE_RANGE_INVALID");
        RuleFor(x => x.Who).MaximumLength(256).WithErrorCode("SEARCH_TOO_LONG");
        RuleFor(x => x.Action).MaximumLength(50).WithErrorCode("SEARCH_TOO_LONG");
        RuleFor(x => x.EntityType).MaximumLength(100).WithErrorCode("SEARCH_TOO_LONG");
    }
}

/// <summary>The agency admin's view of the append-only audit log: their agency's rows only.</summary>
public sealed class AuditLog(IFlexWorkDbContextFactory dbFactory, ICurrentUser currentUser, IIdentityService identity, IValidator<AuditQuery> validator)
{
    /// <summary>An export holds at most this many rows; narrow the filters for more.</summary>
    public const int MaxExportRows = 100_000;

    public async Task<PagedList<AuditItem>> SearchAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        currentUser.RequireAgencyAdmin();
        await validator.ValidateAndThrowAsync(query, cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);

        var entries = await FilterAsync(db, query, cancellationToken);
        var total = await entries.CountAsync(cancellationToken);
        var page = await entries.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        return new PagedList<AuditItem>(await WithEmailsAsync(page, cancellationToken), total, query.Page, query.PageSize);
    }

    public async Task<IReadOnlyList<AuditItem>> ExportAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        currentUser.RequireAgencyAdmin();
        await validator.ValidateAndThrowAsync(query with { Page = 1, PageSize = 1 }, cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var rows = await (await FilterAsync(db, query, cancellationToken)).Take(MaxExportRows).ToListAsync(cancellationToken);
        return await WithEmailsAsync(rows, cancellationToken);
    }

    private async Task<IQueryable<AuditEntry>> FilterAsync(IFlexWorkDbContext db, AuditQuery query, CancellationToken cancellationToken)
    {
        // The tenant filter limits the log to the caller's agency.
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Who))
        {
            // An unknown e-mail matches nobody (not the system's own rows, whose user is empty).
            var userId = await identity.UserIdByEmailAsync(query.Who, cancellationToken) ?? "";
            entries = entries.Where(a => a.UserId == userId);
        }

        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            entries = entries.Where(a => a.Action == query.Action);
        }

        if (!string.IsNullOrWhiteSpace(query.EntityType))
        {
            entries = entries.Where(a => a.EntityType == query.EntityType);
        }

        if (query.From is not null || query.To is not null)
        {
            var zoneId = await db.Agencies.Where(a => a.Id == currentUser.AgencyId).Select(a => a.TimeZoneId).SingleAsync(cancellationToken);
            var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
            if (query.From is { } from)
            {
                var start = StartOfDay(from, zone);
                entries = entries.Where(a => a.OccurredAt >= start);
            }

            if (query.To is { } to)
            {
                var end = StartOfDay(to.AddDays(1), zone);
                entries = entries.Where(a => a.OccurredAt < end);
            }
        }

        return entries.OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id);
    }

    private static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private async Task<IReadOnlyList<AuditItem>> WithEmailsAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var emails = await identity.EmailsAsync([.. entries.Where(e => e.UserId is not null).Select(e => e.UserId!).Distinct()], cancellationToken);
        return [.. entries.Select(e => new AuditItem(
            e.Id, e.OccurredAt, e.UserId, e.UserId is { } id ? emails.GetValueOrDefault(id) : null,
            e.EntityType, e.EntityId, e.Action, e.Changes, e.IpAddress))];
    }
}
