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

    /// <summary>
    /// Creates an agency's first admin account (no password yet) and returns its invitation token;
    /// saved through <paramref name="db"/>, so inside the caller's transaction.
    /// </summary>
    Task<InvitationToken> CreateAgencyAdminAsync(IFlexWorkDbContext db, Guid agencyId, string email, CancellationToken cancellationToken = default);

    /// <summary>E-mail addresses of accounts, for showing who did what.</summary>
    Task<IReadOnlyDictionary<string, string>> EmailsAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default);

    Task<string?> UserIdByEmailAsync(string email, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ends every open session of one account: a new security stamp refuses its cookies and
    /// circuits at their next validation and its bearer tokens within seconds, and its refresh
    /// token families are revoked at once. Written through <paramref name="db"/>, so it commits
    /// or rolls back with the caller's change.
    /// </summary>
    Task EndSessionsAsync(IFlexWorkDbContext db, string userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gives an account a role or takes it away, through <paramref name="db"/>, and ends its open
    /// sessions so that the change holds at once rather than when a cookie next renews.
    /// </summary>
    Task SetRoleAsync(IFlexWorkDbContext db, string userId, string role, bool member, CancellationToken cancellationToken = default);

    /// <summary>The accounts of the caller's agency holding a role.</summary>
    Task<IReadOnlySet<string>> UsersInRoleAsync(Guid agencyId, string role, CancellationToken cancellationToken = default);

    /// <summary>The same for every account of an agency (closing it).</summary>
    Task EndAgencySessionsAsync(IFlexWorkDbContext db, Guid agencyId, CancellationToken cancellationToken = default);
}

public sealed record InvitationToken(string UserId, string Token);

/// <summary>An invitation as the admin sees it: the link to pass on, and whether it was e-mailed.</summary>
public sealed record SentInvitation(Guid EmployeeId, string Nip, string FullName, string Email, string Link, bool Emailed);

/// <summary>
/// Agency admins invite employees: the person follows the link once to set a first password.
/// There is no self-registration.
/// </summary>
public sealed class InvitationService(
    IFlexWorkDbContextFactory dbFactory,
    ICurrentUser currentUser,
    IIdentityService identity,
    IInvitationMailer mailer,
    TimeProvider timeProvider)
{
    /// <summary>
    /// Invites each employee and, when SMTP is configured, e-mails the link. A mail that fails
    /// does not stop the others: its link is returned with <c>Emailed = false</c>.
    /// </summary>
    /// <param name="linkFor">Makes the absolute link from a token (the web layer knows the host).</param>
    public async Task<IReadOnlyList<SentInvitation>> SendAsync(
        IReadOnlyCollection<Guid> employeeIds, Func<InvitationToken, string> linkFor, IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var agencyId = currentUser.RequireAgencyAdmin();
        var sent = new List<SentInvitation>(employeeIds.Count);
        foreach (var batch in employeeIds.Chunk(200))
        {
            await using var db = await dbFactory.CreateAsync(cancellationToken);
            var employees = await db.Employees.Where(e => batch.Contains(e.Id) && e.AgencyId == agencyId).ToDictionaryAsync(e => e.Id, cancellationToken);
            var links = new List<(Employee Employee, string Link)>(batch.Length);
            foreach (var id in batch)
            {
                var employee = employees.GetValueOrDefault(id) ?? throw new NotFoundException("Employee", id);
                links.Add((employee, linkFor(await IssueAsync(db, agencyId, employee, cancellationToken))));
            }

            await db.SaveChangesAsync(cancellationToken);
            foreach (var (employee, link) in links)
            {
                var emailed = mailer.IsConfigured && await mailer.SendAsync(employee.Email, employee.FullName, link, cancellationToken);
                sent.Add(new SentInvitation(employee.Id, employee.Nip, employee.FullName, employee.Email, link, emailed));
                progress?.Report(sent.Count);
            }
        }

        return sent;
    }

    public async Task<InvitationToken> InviteAsync(Guid employeeId, CancellationToken cancellationToken = default)
    {
        var agencyId = currentUser.RequireAgencyAdmin();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var employee = await db.Employees.SingleOrDefaultAsync(e => e.Id == employeeId && e.AgencyId == agencyId, cancellationToken)
            ?? throw new NotFoundException("Employee", employeeId);

        var invitation = await IssueAsync(db, agencyId, employee, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return invitation;
    }

    private async Task<InvitationToken> IssueAsync(IFlexWorkDbContext db, Guid agencyId, Employee employee, CancellationToken cancellationToken)
    {
        var invitation = await identity.IssueInvitationAsync(employee, cancellationToken);
        employee.LinkAccount(invitation.UserId);
        db.AuditEntries.Add(AuditEntry.Record(
            agencyId, currentUser.UserId, nameof(Employee), employee.Id.ToString(), "InvitationIssued", "{}",
            timeProvider.GetUtcNow(), currentUser.IpAddress));
        return invitation;
    }
}
