using FlexWork.Application.Accounts.InviteEmployee;
using FlexWork.Domain.Common;
using FlexWork.Infrastructure.Identity;
using FlexWork.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlexWork.IntegrationTests.Accounts;

public class InvitationTests(DemoDatabaseFixture fixture) : IClassFixture<DemoDatabaseFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_invitation_sets_the_first_password_once_and_is_audited()
    {
        Guid employeeId;
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FlexWorkDbContext>();
            employeeId = await db.Employees.IgnoreQueryFilters()
                .Where(e => e.Email.StartsWith("larasati"))
                .Select(e => e.Id).SingleAsync(Ct);
        }

        InvitationToken invitation;
        await using (var scope = await fixture.ActAsAsync("admin@demo.go.id"))
        {
            invitation = await scope.ServiceProvider.GetRequiredService<InvitationService>().InviteAsync(employeeId, Ct);
        }

        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var identity = scope.ServiceProvider.GetRequiredService<IdentityService>();
            var weak = await identity.AcceptInvitationAsync(invitation.UserId, invitation.Token, "short");
            Assert.False(weak.Succeeded);

            var accepted = await identity.AcceptInvitationAsync(invitation.UserId, invitation.Token, "Larasati#Kuat2026");
            Assert.True(accepted.Succeeded, string.Join(", ", accepted.Errors.Select(e => e.Code)));

            var reused = await identity.AcceptInvitationAsync(invitation.UserId, invitation.Token, "Lain#Password2026");
            Assert.Equal("InvalidToken", Assert.Single(reused.Errors).Code);

            var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = await userManager.FindByIdAsync(invitation.UserId);
            Assert.True(await userManager.CheckPasswordAsync(user!, "Larasati#Kuat2026"));
        }

        await using (var scope = await fixture.ActAsAsync("admin@demo.go.id"))
        {
            var db = scope.ServiceProvider.GetRequiredService<FlexWorkDbContext>();
            var adminId = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("admin@demo.go.id"))!.Id;
            var passwordSet = await db.AuditEntries
                .Where(a => a.EntityType == nameof(ApplicationUser) && a.EntityId == invitation.UserId && a.Action == "Modified")
                .ToListAsync(Ct);
            Assert.Contains(passwordSet, a => a.Changes.Contains("PasswordHash", StringComparison.Ordinal) && !a.Changes.Contains("AQAAAA", StringComparison.Ordinal));
            var issued = await db.AuditEntries.SingleAsync(a => a.Action == "InvitationIssued" && a.EntityId == employeeId.ToString(), Ct);
            Assert.Equal(adminId, issued.UserId);
            Assert.Equal("127.0.0.1", issued.IpAddress);
        }
    }

    [Fact]
    public async Task An_account_that_already_has_a_password_cannot_be_invited_again()
    {
        Guid kepalaId;
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            kepalaId = await scope.ServiceProvider.GetRequiredService<FlexWorkDbContext>().Employees.IgnoreQueryFilters()
                .Where(e => e.Email == "kepala@demo.go.id").Select(e => e.Id).SingleAsync(Ct);
        }

        await using (var scope = await fixture.ActAsAsync("admin@demo.go.id"))
        {
            // Otherwise an admin could take over a colleague's account by "inviting" them.
            var error = await Assert.ThrowsAsync<DomainException>(() =>
                scope.ServiceProvider.GetRequiredService<InvitationService>().InviteAsync(kepalaId, Ct));
            Assert.Equal("ACCOUNT_ALREADY_ACTIVE", error.Code);
        }

        await using var check = fixture.Services.CreateAsyncScope();
        var userManager = check.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.True(await userManager.CheckPasswordAsync((await userManager.FindByEmailAsync("kepala@demo.go.id"))!, "Demo#FlexWork2025"));
    }

    [Fact]
    public async Task Deactivating_an_employee_ends_their_sessions_and_blocks_sign_in()
    {
        string stampBefore;
        Guid baruId;
        uint version;
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            stampBefore = (await userManager.FindByEmailAsync("baru@demo.go.id"))!.SecurityStamp!;
            var baru = await scope.ServiceProvider.GetRequiredService<FlexWorkDbContext>().Employees.IgnoreQueryFilters().SingleAsync(e => e.Email == "baru@demo.go.id", Ct);
            (baruId, version) = (baru.Id, baru.Version);
        }

        await using (var scope = await fixture.ActAsAsync("admin@demo.go.id"))
        {
            await scope.ServiceProvider.GetRequiredService<Application.Employees.ManageEmployees.EmployeeAdministration>().DeactivateAsync(baruId, version, Ct);
        }

        await using var check = fixture.Services.CreateAsyncScope();
        var manager = check.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await manager.FindByEmailAsync("baru@demo.go.id");
        Assert.NotEqual(stampBefore, user!.SecurityStamp);
        Assert.False(await check.ServiceProvider.GetRequiredService<IUserConfirmation<ApplicationUser>>().IsConfirmedAsync(manager, user));
    }

    [Fact]
    public async Task A_forged_token_is_refused()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await userManager.FindByEmailAsync("pegawai@demo.go.id");
        var result = await scope.ServiceProvider.GetRequiredService<IdentityService>().AcceptInvitationAsync(user!.Id, "forged", "Pegawai#Baru2026x");
        Assert.False(result.Succeeded);
        Assert.True(await userManager.CheckPasswordAsync(user, "Demo#FlexWork2025"));
    }
}
