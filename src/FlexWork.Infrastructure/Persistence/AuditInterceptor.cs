using System.Text.Json;
using FlexWork.Application.Employees.SearchEmployees;
using FlexWork.Domain.Agencies;
using FlexWork.Domain.Auditing;
using FlexWork.Domain.Common;
using FlexWork.Domain.Employees;
using FlexWork.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FlexWork.Infrastructure.Persistence;

/// <summary>
/// Writes an audit row for every change to org data and accounts in the same transaction as the
/// change itself, so the log cannot miss a change or record one that did not happen.
/// </summary>
public sealed class AuditInterceptor(TimeProvider timeProvider) : SaveChangesInterceptor
{
    // Columns that change on every sign-in or carry secrets: recorded as "changed", never shown.
    /// <summary>Recorded as "changed" only: secrets, and file contents (evidence) that have no place in a log.</summary>
    private static readonly HashSet<string> SecretProperties =
        [
            nameof(IdentityUser.PasswordHash), nameof(IdentityUser.SecurityStamp), nameof(Domain.Common.StoredEvidence.Content),
            nameof(Domain.Employees.Employee.CalendarFeedSecretHash), nameof(Domain.Integrations.IntegrationClient.SecretHash),
        ];

    // Bookkeeping columns, and the failed-attempt counter: every wrong password would otherwise
    // add a row, letting anyone grow the append-only log. Lockouts themselves are recorded.
    private static readonly HashSet<string> IgnoredProperties =
    [
        nameof(IdentityUser.ConcurrencyStamp), nameof(IdentityUser.NormalizedEmail), nameof(IdentityUser.NormalizedUserName),
        nameof(IdentityUser.AccessFailedCount), nameof(Employee.Version), EmployeeDirectory.SearchTextProperty,
    ];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is FlexWorkDbContext db)
        {
            AddAuditEntries(db);
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is FlexWorkDbContext db)
        {
            AddAuditEntries(db);
        }

        return base.SavingChanges(eventData, result);
    }

    private void AddAuditEntries(FlexWorkDbContext db)
    {
        var user = db.CurrentUser;
        var now = timeProvider.GetUtcNow();
        var entries = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsAudited(e.Entity))
            .Select(e => AuditEntry.Record(
                AgencyOf(e.Entity) ?? user.AgencyId,
                user.UserId,
                e.Metadata.ClrType.Name,
                KeyOf(e),
                e.State.ToString(),
                DescribeChanges(e),
                now,
                user.IpAddress))
            .Where(a => a.Changes != "{}")
            .ToList();

        db.AuditEntries.AddRange(entries);
    }

    /// <summary>
    /// Everything agency data is made of. A notification is a message about a change, not a change;
    /// a presence day is itself the record of a tap, and copying it would keep in the log the
    /// positions the retention period deletes (its corrections are audited); a machine's tap is its
    /// own log, audited as one entry per batch.
    /// </summary>
    private static bool IsAudited(object entity) =>
        entity is (IAgencyOwned or Agency or ApplicationUser or IdentityUserRole<string>)
            and not (Domain.Notifications.Notification or Domain.Presence.PresenceDay or Domain.Integrations.PresenceEvent or Domain.Requests.RefusedSubmission);

    private static Guid? AgencyOf(object entity) => entity switch
    {
        IAgencyOwned owned => owned.AgencyId,
        Agency agency => agency.Id,
        ApplicationUser user => user.AgencyId,
        _ => null,
    };

    private static string KeyOf(EntityEntry entry) =>
        string.Join("/", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue));

    private static string DescribeChanges(EntityEntry entry)
    {
        var changes = new Dictionary<string, object?>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (IgnoredProperties.Contains(name) || (entry.State == EntityState.Modified && !property.IsModified))
            {
                continue;
            }

            var before = entry.State == EntityState.Added ? null : property.OriginalValue;
            var after = entry.State == EntityState.Deleted ? null : property.CurrentValue;
            if (entry.State == EntityState.Modified && Equals(before, after))
            {
                continue;
            }

            changes[name] = SecretProperties.Contains(name)
                ? new { changed = true }
                : new { before, after };
        }

        return JsonSerializer.Serialize(changes);
    }
}
