using FlexWork.Application.Common;
using FlexWork.Domain.Auditing;
using FlexWork.Domain.Employees;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Accounts.InviteEmployee;

/// <summary>Account operations that need ASP.NET Core Identity, implemented in Infrastructure.</summary>
public interface IIdentityService
{
    /// <summary>Creates the employee's account if missing and returns a one-time invitation token.</summary>
    Task<InvitationToken> IssueInvitationAsync(Employee employee, CancellationToken cancellationToken = default);

    /// <summary>Creates an agency's first admin account (no password yet) and returns its invitation token.</summary>
    Task<InvitationToken> CreateAgencyAdminAsync(Guid agencyId, string email, CancellationToken cancellationToken = default);

    /// <summary>E-mail addresses of accounts, for showing who did what.</summary>
    Task<IReadOnlyDictionary<string, string>> EmailsAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default);

    Task<string?> UserIdByEmailAsync(string email, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ends the open sessions of these accounts (new security stamp): cookies and circuits are
    /// refused at their next validation, refresh tokens at once.
    /// </summary>
    Task EndSessionsAsync(Guid agencyId, string? userId = null, CancellationToken cancellationToken = default);
}

public sealed record InvitationToken(string UserId, string Token);

/// <summary>
/// Agency admins invite employees: the person follows the link once to set a first password.
/// There is no self-registration.
/// </summary>
public sealed class InvitationService(
    IFlexWorkDbContextFactory dbFactory,
    ICurrentUser currentUser,
    IIdentityService identity,
    TimeProvider timeProvider)
{
    public async Task<InvitationToken> InviteAsync(Guid employeeId, CancellationToken cancellationToken = default)
    {
        var agencyId = currentUser.RequireAgencyAdmin();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var employee = await db.Employees.SingleOrDefaultAsync(e => e.Id == employeeId && e.AgencyId == agencyId, cancellationToken)
            ?? throw new NotFoundException("Employee", employeeId);

        var invitation = await identity.IssueInvitationAsync(employee, cancellationToken);
        employee.LinkAccount(invitation.UserId);
        db.AuditEntries.Add(AuditEntry.Record(
            agencyId, currentUser.UserId, nameof(Employee), employee.Id.ToString(), "InvitationIssued", "{}",
            timeProvider.GetUtcNow(), currentUser.IpAddress));
        await db.SaveChangesAsync(cancellationToken);
        return invitation;
    }
}
