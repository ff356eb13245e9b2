using FlexWork.Application.Common;
using FlexWork.Application.Requests.DelegateDecisions;
using FlexWork.Domain.Common;
using FlexWork.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlexWork.IntegrationTests.Requests;

public class DelegationTests(DemoDatabaseFixture fixture) : IClassFixture<DemoDatabaseFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_supervisor_appoints_an_acting_official_both_see_it_and_only_the_supervisor_ends_it()
    {
        var ids = await IdsAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Guid id;
        await using (var supervisor = await fixture.ActAsAsync("atasan@demo.go.id"))
        {
            var delegations = supervisor.ServiceProvider.GetRequiredService<DelegationService>();
            Assert.Contains(await delegations.CandidatesAsync("admin", Ct), c => c.Id == ids["admin@demo.go.id"]);
            Assert.DoesNotContain(await delegations.CandidatesAsync("siti", Ct), c => c.Id == ids["atasan@demo.go.id"]); // not oneself
            var created = await delegations.CreateAsync(new DelegationInput(ids["admin@demo.go.id"], today, today.AddDays(7), "Sprint Plh 9/2026"), Ct);
            Assert.False(created.DelegateOwnRequestsExcluded, "the admin reports to the head, not to the supervisor");
            id = created.Id;
            Assert.Equal("DELEGATION_TO_SELF", (await Assert.ThrowsAsync<DomainException>(() =>
                delegations.CreateAsync(new DelegationInput(ids["atasan@demo.go.id"], today, today, "SK"), Ct))).Code);
            await Assert.ThrowsAsync<NotFoundException>(() => delegations.CreateAsync(new DelegationInput(ids["pegawai@demo2.go.id"], today, today, "SK"), Ct));
        }

        await using (var acting = await fixture.ActAsAsync("admin@demo.go.id"))
        {
            var mine = Assert.Single(await acting.ServiceProvider.GetRequiredService<DelegationService>().ListMineAsync(Ct));
            Assert.Equal(("Siti Rahmawati", "Sprint Plh 9/2026"), (mine.PrincipalName, mine.DecreeReference));
            await Assert.ThrowsAsync<NotFoundException>(() => acting.ServiceProvider.GetRequiredService<DelegationService>().RevokeAsync(id, Ct));
        }

        await using (var employee = await fixture.ActAsAsync("pegawai@demo.go.id"))
        {
            await Assert.ThrowsAsync<ForbiddenAccessException>(() => employee.ServiceProvider.GetRequiredService<DelegationService>()
                .CreateAsync(new DelegationInput(ids["admin@demo.go.id"], today, today, "SK"), Ct));
        }

        await using var again = await fixture.ActAsAsync("atasan@demo.go.id");
        await again.ServiceProvider.GetRequiredService<DelegationService>().RevokeAsync(id, Ct);
        Assert.True(Assert.Single(await again.ServiceProvider.GetRequiredService<DelegationService>().ListMineAsync(Ct)).IsRevoked);
    }

    private async Task<Dictionary<string, Guid>> IdsAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FlexWorkDbContext>().Employees.IgnoreQueryFilters()
            .Where(e => e.Email == "atasan@demo.go.id" || e.Email == "admin@demo.go.id" || e.Email == "pegawai@demo2.go.id")
            .ToDictionaryAsync(e => e.Email, e => e.Id, Ct);
    }
}
