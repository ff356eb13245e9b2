using System.Linq.Expressions;
using FlexWork.Application.Accounts.InviteEmployee;
using FlexWork.Application.Common;
using FlexWork.Domain.Common;
using FlexWork.Domain.Employees;
using FlexWork.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlexWork.Infrastructure.Identity;

public sealed class IdentityService(UserManager<ApplicationUser> userManager, FlexWorkDbContext db, IServiceProvider services) : IIdentityService
{
    /// <summary>Name of the token provider behind invitation links (and Identity's password-reset tokens).</summary>
    public const string InvitationTokenProvider = "Invitation";

    public async Task<InvitationToken> IssueInvitationAsync(Employee employee, CancellationToken cancellationToken = default)
    {
        var user = employee.UserId is { } userId
            ? await userManager.FindByIdAsync(userId)
            : await userManager.FindByEmailAsync(employee.Email);

        if (user is null)
        {
            user = new ApplicationUser { UserName = employee.Email, Email = employee.Email, AgencyId = employee.AgencyId };
            EnsureSucceeded(await userManager.CreateAsync(user), employee.Email);
            EnsureSucceeded(await userManager.AddToRoleAsync(user, Roles.Employee), employee.Email);
        }
        else if (user.AgencyId != employee.AgencyId || await IsLinkedToSomeoneElseAsync(user, employee))
        {
            // The e-mail belongs to an account of another agency or another person.
            throw new DomainException("EMAIL_IN_USE", employee.Email);
        }

        if (await userManager.HasPasswordAsync(user))
        {
            // An invitation must never let an admin replace the password of an active account.
            throw new DomainException("ACCOUNT_ALREADY_ACTIVE", employee.Email);
        }

        return new InvitationToken(user.Id, await userManager.GeneratePasswordResetTokenAsync(user));
    }

    public async Task<InvitationToken> CreateAgencyAdminAsync(IFlexWorkDbContext db, Guid agencyId, string email, CancellationToken cancellationToken = default)
    {
        using var users = UserManagerOn(db);
        email = email.Trim().ToLowerInvariant();
        if (await users.FindByEmailAsync(email) is not null)
        {
            throw new DomainException("EMAIL_IN_USE", email);
        }

        var user = new ApplicationUser { UserName = email, Email = email, AgencyId = agencyId };
        EnsureSucceeded(await users.CreateAsync(user), email);
        EnsureSucceeded(await users.AddToRolesAsync(user, [Roles.Employee, Roles.AgencyAdmin]), email);
        return new InvitationToken(user.Id, await users.GeneratePasswordResetTokenAsync(user));
    }

    public async Task<IReadOnlyDictionary<string, string>> EmailsAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default) =>
        await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? u.Id, cancellationToken);

    public async Task<string?> UserIdByEmailAsync(string email, CancellationToken cancellationToken = default) =>
        (await userManager.FindByEmailAsync(email.Trim()))?.Id;

    public Task EndSessionsAsync(IFlexWorkDbContext db, string userId, CancellationToken cancellationToken = default) =>
        EndSessionsAsync((FlexWorkDbContext)db, u => u.Id == userId, cancellationToken);

    public async Task SetRoleAsync(IFlexWorkDbContext db, string userId, string role, bool member, CancellationToken cancellationToken = default)
    {
        var context = (FlexWorkDbContext)db;
        if (member && !await context.Roles.AnyAsync(r => r.Name == role, cancellationToken))
        {
            context.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() }); // installations seeded before the role existed
            await context.SaveChangesAsync(cancellationToken);
        }

        using var users = UserManagerOn(db);
        var user = await users.FindByIdAsync(userId) ?? throw new NotFoundException("Account", userId);
        if (await users.IsInRoleAsync(user, role) != member)
        {
            EnsureSucceeded(member ? await users.AddToRoleAsync(user, role) : await users.RemoveFromRoleAsync(user, role), user.Email ?? userId);
        }

        await EndSessionsAsync(context, u => u.Id == userId, cancellationToken);
    }

    public async Task<IReadOnlySet<string>> UsersInRoleAsync(Guid agencyId, string role, CancellationToken cancellationToken = default) =>
        (await db.UserRoles.Join(db.Roles.Where(r => r.Name == role), ur => ur.RoleId, r => r.Id, (ur, r) => ur.UserId)
            .Join(db.Users.Where(u => u.AgencyId == agencyId), id => id, u => u.Id, (id, u) => id)
            .ToListAsync(cancellationToken)).ToHashSet();

    public Task EndAgencySessionsAsync(IFlexWorkDbContext db, Guid agencyId, CancellationToken cancellationToken = default) =>
        EndSessionsAsync((FlexWorkDbContext)db, u => u.AgencyId == agencyId, cancellationToken);

    private static async Task EndSessionsAsync(FlexWorkDbContext db, Expression<Func<ApplicationUser, bool>> accounts, CancellationToken cancellationToken)
    {
        await db.Users.Where(accounts).ExecuteUpdateAsync(
            u => u.SetProperty(x => x.SecurityStamp, x => Guid.NewGuid().ToString()).SetProperty(x => x.ConcurrencyStamp, x => Guid.NewGuid().ToString()),
            cancellationToken);
        await RefreshTokenFamilies.Of(db, db.Users.Where(accounts)).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// Sets the first password. Identity validates the token and the password rules and changes
    /// the security stamp, which invalidates the token: a link works once.
    /// </summary>
    public async Task<IdentityResult> AcceptInvitationAsync(string userId, string token, string password)
    {
        var user = await userManager.FindByIdAsync(userId);
        if (user is null)
        {
            return IdentityResult.Failed(userManager.ErrorDescriber.InvalidToken());
        }

        var result = await userManager.ResetPasswordAsync(user, token, password);
        if (result.Succeeded && !user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            await userManager.UpdateAsync(user);
        }

        return result;
    }

    // Employees and accounts are 1:1; the employee side holds the link.
    private Task<bool> IsLinkedToSomeoneElseAsync(ApplicationUser user, Employee employee) =>
        db.Employees.IgnoreQueryFilters().AnyAsync(e => e.UserId == user.Id && e.Id != employee.Id);

    /// <summary>Identity's refusals that an admin's input causes are rule errors with a clear message; anything else is a fault.</summary>
    private static void EnsureSucceeded(IdentityResult result, string email)
    {
        if (result.Succeeded)
        {
            return;
        }

        var codes = result.Errors.Select(e => e.Code).ToList();
        throw codes switch
        {
            _ when codes.Any(c => c is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)) =>
                new DomainException("EMAIL_IN_USE", email),
            _ when codes.Any(c => c is nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName)) =>
                new DomainException("EMAIL_INVALID"),
            _ => new InvalidOperationException(string.Join("; ", codes)),
        };
    }

    /// <summary>Identity's user manager over the caller's context: what it saves joins the caller's transaction.</summary>
    private UserManager<ApplicationUser> UserManagerOn(IFlexWorkDbContext db) =>
        ActivatorUtilities.CreateInstance<UserManager<ApplicationUser>>(
            services, new UserStore<ApplicationUser, IdentityRole, FlexWorkDbContext>((FlexWorkDbContext)db));
}
