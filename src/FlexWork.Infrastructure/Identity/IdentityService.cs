using FlexWork.Application.Accounts.InviteEmployee;
using FlexWork.Application.Common;
using FlexWork.Domain.Employees;
using Microsoft.AspNetCore.Identity;

namespace FlexWork.Infrastructure.Identity;

public sealed class IdentityService(UserManager<ApplicationUser> userManager) : IIdentityService
{
    public const string InvitationTokenProvider = "Invitation";
    private const string InvitationPurpose = "AcceptInvitation";

    public async Task<InvitationToken> IssueInvitationAsync(Employee employee, CancellationToken cancellationToken = default)
    {
        var user = employee.UserId is { } userId ? await userManager.FindByIdAsync(userId) : null;
        if (user is null)
        {
            user = new ApplicationUser { UserName = employee.Email, Email = employee.Email, AgencyId = employee.AgencyId };
            EnsureSucceeded(await userManager.CreateAsync(user));
            EnsureSucceeded(await userManager.AddToRoleAsync(user, Roles.Employee));
        }

        var token = await userManager.GenerateUserTokenAsync(user, InvitationTokenProvider, InvitationPurpose);
        return new InvitationToken(user.Id, token);
    }

    /// <summary>
    /// Sets the password the invitation allows. Setting it changes the security stamp, which
    /// invalidates the token: a link works once.
    /// </summary>
    public async Task<IdentityResult> AcceptInvitationAsync(string userId, string token, string password)
    {
        var user = await userManager.FindByIdAsync(userId);
        if (user is null || !await userManager.VerifyUserTokenAsync(user, InvitationTokenProvider, InvitationPurpose, token))
        {
            return IdentityResult.Failed(new IdentityError { Code = "InvalidToken", Description = "Invalid invitation." });
        }

        foreach (var validator in userManager.PasswordValidators)
        {
            var validation = await validator.ValidateAsync(userManager, user, password);
            if (!validation.Succeeded)
            {
                return validation;
            }
        }

        if (await userManager.HasPasswordAsync(user))
        {
            EnsureSucceeded(await userManager.RemovePasswordAsync(user));
        }

        user.EmailConfirmed = true;
        return await userManager.AddPasswordAsync(user, password);
    }

    private static void EnsureSucceeded(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }
}
