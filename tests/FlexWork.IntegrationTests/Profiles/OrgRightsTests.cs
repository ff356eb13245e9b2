using FlexWork.Application.Profiles;
using FlexWork.Application.Requests.DelegateDecisions;
using Microsoft.Extensions.DependencyInjection;

namespace FlexWork.IntegrationTests.Profiles;

/// <summary>What the menu shows follows these rights: approvals only to those with something to decide.</summary>
public class OrgRightsTests(DemoDatabaseFixture fixture) : IClassFixture<DemoDatabaseFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Only_supervisors_heads_and_todays_acting_officials_decide()
    {
        Assert.Equal(new OrgRights(false, false, false), await RightsOfAsync("baru@demo.go.id"));
        Assert.True((await RightsOfAsync("atasan@demo.go.id")).SupervisesAnyone);
        var head = await RightsOfAsync("kepala@demo.go.id");
        Assert.True(head.HeadsUnit && head.Leads && head.Decides);
        Assert.False((await RightsOfAsync("pegawai@demo.go.id")).Decides);

        // Appointed acting official for this week by the head: now Andi has requests to decide, but leads nobody.
        Guid pegawai;
        await using (var employee = await fixture.ActAsAsync("pegawai@demo.go.id"))
        {
            pegawai = (await employee.ServiceProvider.GetRequiredService<Application.Profiles.GetMyProfile.MyProfileService>().GetAsync(Ct)).EmployeeId!.Value;
        }

        await using (var kepala = await fixture.ActAsAsync("kepala@demo.go.id"))
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            await kepala.ServiceProvider.GetRequiredService<DelegationService>().CreateAsync(new DelegationInput(pegawai, today.AddDays(-1), today.AddDays(5), "ND-2/2026"), Ct);
        }

        var acting = await RightsOfAsync("pegawai@demo.go.id");
        Assert.True(acting.ActsForSomeoneToday && acting.Decides);
        Assert.False(acting.Leads);
    }

    private async Task<OrgRights> RightsOfAsync(string email)
    {
        await using var scope = await fixture.ActAsAsync(email);
        return await scope.ServiceProvider.GetRequiredService<OrgRightsService>().GetMineAsync(Ct);
    }
}
