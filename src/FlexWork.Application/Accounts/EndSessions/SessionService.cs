using FlexWork.Application.Accounts.InviteEmployee;
using FlexWork.Application.Common;
using FlexWork.Domain.Auditing;
using FlexWork.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Accounts.EndSessions;

/// <summary>
/// Sign out everywhere: every browser, app and API client of an account must sign in anew.
/// People do it for themselves (a lost phone, a shared computer); an agency admin does it for an
/// employee of their agency (a suspected break-in). Audited as a named event.
/// </summary>
public sealed class SessionService(ICurrentUser currentUser, IFlexWorkDbContextFactory dbFactory, IIdentityService identity, TimeProvider timeProvider)
{
    /// <summary>The entity the audit names: the account, whose id is the user id.</summary>
    private const string AccountEntity = "ApplicationUser";

    public Task EndMineAsync(CancellationToken cancellationToken = default)
    {
        var userId = currentUser.UserId ?? throw new ForbiddenAccessException();
        return dbFactory.InTransactionAsync((db, ct) => EndAsync(db, currentUser.AgencyId, userId, ct), cancellationToken);
    }

    public Task EndForEmployeeAsync(Guid employeeId, CancellationToken cancellationToken = default)
    {
        var agencyId = currentUser.RequireAgencyAdmin();
        return dbFactory.InTransactionAsync(
            async (db, ct) =>
            {
                var employee = await db.Employees.SingleOrDefaultAsync(e => e.Id == employeeId, ct) ?? throw new NotFoundException("Employee", employeeId);
                await EndAsync(db, agencyId, employee.UserId ?? throw new DomainException("ACCOUNT_NONE"), ct);
            },
            cancellationToken);
    }

    private async Task EndAsync(IFlexWorkDbContext db, Guid? agencyId, string userId, CancellationToken cancellationToken)
    {
        await identity.EndSessionsAsync(db, userId, cancellationToken);
        db.AuditEntries.Add(AuditEntry.Record(
            agencyId, currentUser.UserId, AccountEntity, userId, "SessionsEnded", "{}", timeProvider.GetUtcNow(), currentUser.IpAddress));
        await db.SaveChangesAsync(cancellationToken);
    }
}
