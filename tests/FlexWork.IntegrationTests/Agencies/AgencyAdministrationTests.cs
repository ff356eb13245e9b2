using FlexWork.Application.Agencies.ManageAgencies;
using FlexWork.Application.Common;
using FlexWork.Domain.Common;
using FlexWork.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace FlexWork.IntegrationTests.Agencies;

public class AgencyAdministrationTests(DemoDatabaseFixture fixture) : IClassFixture<DemoDatabaseFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_platform_admin_opens_an_agency_whose_first_admin_activates_and_can_be_shut_out()
    {
        CreatedAgency created;
        await using (var scope = await fixture.ActAsAsync("platform@flexwork.local"))
        {
            created = await scope.ServiceProvider.GetRequiredService<AgencyAdministration>()
                .CreateAsync(new CreateAgencyInput("bkn-test", "Badan Uji", IndonesianTimeZones.Wit, "admin@bkn-test.go.id"), Ct);
        }

        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var identity = scope.ServiceProvider.GetRequiredService<IdentityService>();
            Assert.True((await identity.AcceptInvitationAsync(created.AdminInvitation.UserId, created.AdminInvitation.Token, "Admin#BknTest2026")).Succeeded);

            var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var admin = await userManager.FindByEmailAsync("admin@bkn-test.go.id");
            Assert.Equal(created.Id, admin!.AgencyId);
            Assert.True(await userManager.IsInRoleAsync(admin, Roles.AgencyAdmin));
            Assert.True(await scope.ServiceProvider.GetRequiredService<IUserConfirmation<ApplicationUser>>().IsConfirmedAsync(userManager, admin));
        }

        await using (var scope = await fixture.ActAsAsync("platform@flexwork.local"))
        {
            var agencies = scope.ServiceProvider.GetRequiredService<AgencyAdministration>();
            var duplicate = await Assert.ThrowsAsync<DomainException>(() =>
                agencies.CreateAsync(new CreateAgencyInput("BKN-TEST", "Lagi", IndonesianTimeZones.Wib, "lain@bkn-test.go.id"), Ct));
            Assert.Equal("AGENCY_CODE_IN_USE", duplicate.Code);
            await agencies.DeactivateAsync(created.Id, Ct);
        }

        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var admin = await userManager.FindByEmailAsync("admin@bkn-test.go.id");
            Assert.False(await scope.ServiceProvider.GetRequiredService<IUserConfirmation<ApplicationUser>>().IsConfirmedAsync(userManager, admin!));
        }
    }

    [Fact]
    public async Task A_taken_admin_email_creates_no_agency()
    {
        await using var scope = await fixture.ActAsAsync("platform@flexwork.local");
        var error = await Assert.ThrowsAsync<DomainException>(() => scope.ServiceProvider.GetRequiredService<AgencyAdministration>()
            .CreateAsync(new CreateAgencyInput("YATIM", "Tanpa Admin", IndonesianTimeZones.Wib, "admin@demo.go.id"), Ct));
        Assert.Equal("EMAIL_IN_USE", error.Code);

        var agencies = await scope.ServiceProvider.GetRequiredService<Application.Agencies.ListAgencies.AgencyDirectory>().ListAsync(Ct);
        Assert.DoesNotContain(agencies, a => a.Code == "YATIM");
    }

    [Theory]
    [InlineData("admin@demo.go.id")]
    [InlineData("pegawai@demo.go.id")]
    public async Task Only_the_platform_admin_manages_agencies(string email)
    {
        Guid demo2;
        await using (var platform = await fixture.ActAsAsync("platform@flexwork.local"))
        {
            demo2 = (await platform.ServiceProvider.GetRequiredService<Application.Agencies.ListAgencies.AgencyDirectory>().ListAsync(Ct)).Single(a => a.Code == "DEMO2").Id;
        }

        await using var scope = await fixture.ActAsAsync(email);
        var agencies = scope.ServiceProvider.GetRequiredService<AgencyAdministration>();
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => agencies.CreateAsync(new CreateAgencyInput("X1", "X", IndonesianTimeZones.Wib, "x@x.go.id"), Ct));
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => agencies.DeactivateAsync(demo2, Ct));
    }

    [Fact]
    public async Task An_agency_whose_first_admin_cannot_be_created_is_not_created_either()
    {
        await using var scope = await fixture.ActAsAsync("platform@flexwork.local");
        var agencies = scope.ServiceProvider.GetRequiredService<AgencyAdministration>();
        // Passes the form's e-mail check, but Identity refuses the apostrophe in a user name.
        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            agencies.CreateAsync(new CreateAgencyInput("bpom-uji", "Badan Uji Tanpa Admin", IndonesianTimeZones.Wib, "o'brien@bpom-uji.go.id"), Ct));
        Assert.Equal("EMAIL_INVALID", refused.Code);
        Assert.DoesNotContain(await scope.ServiceProvider.GetRequiredService<Application.Agencies.ListAgencies.AgencyDirectory>().ListAsync(Ct), a => a.Code == "BPOM-UJI");
    }
}
