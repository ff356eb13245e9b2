using FlexWork.Application.Accounts.InviteEmployee;
using FlexWork.Application.Agencies.ListAgencies;
using FlexWork.Application.Common;
using FlexWork.Application.Employees.SearchEmployees;
using FlexWork.Application.Profiles.GetMyProfile;
using FlexWork.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlexWork.IntegrationTests.Tenancy;

/// <summary>A user of DEMO2 (or with the wrong role) can neither read nor change anything of DEMO.</summary>
public class TenantIsolationTests(DemoDatabaseFixture fixture) : IClassFixture<DemoDatabaseFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("admin@demo2.go.id")]
    [InlineData("pegawai@demo2.go.id")]
    [InlineData("platform@flexwork.local")]
    public async Task Agency_owned_tables_show_no_row_of_another_agency(string email)
    {
        var demo = await DemoAgencyIdAsync();
        await using var scope = await fixture.ActAsAsync(email);
        var db = scope.ServiceProvider.GetRequiredService<FlexWorkDbContext>();

        Assert.False(await db.Employees.AnyAsync(e => e.AgencyId == demo, Ct));
        Assert.False(await db.OrganizationUnits.AnyAsync(u => u.AgencyId == demo, Ct));
        Assert.False(await db.Positions.AnyAsync(p => p.AgencyId == demo, Ct));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.AgencyId == demo, Ct));

        // The rows are there: only the filter hides them.
        Assert.True(await db.Employees.IgnoreQueryFilters().AnyAsync(e => e.AgencyId == demo, Ct));
    }

    [Fact]
    public async Task Demo2_admin_lists_only_demo2_employees_even_when_searching_for_demo_people()
    {
        await using var scope = await fixture.ActAsAsync("admin@demo2.go.id");
        var directory = scope.ServiceProvider.GetRequiredService<EmployeeDirectory>();

        var all = await directory.SearchAsync(new EmployeeSearch(PageSize: 100), Ct);
        Assert.Equal(5, all.TotalCount);
        Assert.All(all.Items, e => Assert.EndsWith("@demo2.go.id", e.Email, StringComparison.Ordinal));

        var probe = await directory.SearchAsync(new EmployeeSearch("pegawai@demo.go.id"), Ct);
        Assert.Equal(0, probe.TotalCount);
    }

    [Fact]
    public async Task Demo2_admin_cannot_invite_a_demo_employee_and_nothing_changes()
    {
        var (pegawaiId, userIdBefore) = await DemoEmployeeAsync("baru@demo.go.id");
        var auditBefore = await AuditCountAsync();

        await using (var scope = await fixture.ActAsAsync("admin@demo2.go.id"))
        {
            var invitations = scope.ServiceProvider.GetRequiredService<InvitationService>();
            await Assert.ThrowsAsync<NotFoundException>(() => invitations.InviteAsync(pegawaiId, Ct));
        }

        Assert.Equal(userIdBefore, (await DemoEmployeeAsync("baru@demo.go.id")).UserId);
        Assert.Equal(auditBefore, await AuditCountAsync());
    }

    [Fact]
    public async Task Demo2_profile_shows_demo2_only()
    {
        await using var scope = await fixture.ActAsAsync("pegawai@demo2.go.id");
        var me = await scope.ServiceProvider.GetRequiredService<MyProfileService>().GetAsync(Ct);
        Assert.Equal("DEMO2", me.AgencyCode);
        Assert.Equal("Badan Kepegawaian Daerah", me.UnitName);
        Assert.False(me.SupervisesAnyone);
    }

    [Theory]
    [InlineData("pegawai@demo.go.id")]
    [InlineData("baru@demo.go.id")]
    [InlineData("platform@flexwork.local")]
    [InlineData(null)]
    public async Task Employee_list_is_refused_to_anyone_who_is_neither_admin_nor_supervisor(string? email)
    {
        await using var scope = await fixture.ActAsAsync(email);
        var directory = scope.ServiceProvider.GetRequiredService<EmployeeDirectory>();
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => directory.SearchAsync(new EmployeeSearch(), Ct));
    }

    [Theory]
    [InlineData("pegawai@demo.go.id")]
    [InlineData("atasan@demo.go.id")]
    [InlineData("platform@flexwork.local")]
    public async Task Only_an_agency_admin_can_invite(string email)
    {
        var (employeeId, _) = await DemoEmployeeAsync("baru@demo.go.id");
        await using var scope = await fixture.ActAsAsync(email);
        var invitations = scope.ServiceProvider.GetRequiredService<InvitationService>();
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => invitations.InviteAsync(employeeId, Ct));
    }

    [Theory]
    [InlineData("admin@demo.go.id")]
    [InlineData("pegawai@demo.go.id")]
    [InlineData(null)]
    public async Task Only_the_platform_admin_lists_agencies(string? email)
    {
        await using var scope = await fixture.ActAsAsync(email);
        var agencies = scope.ServiceProvider.GetRequiredService<AgencyDirectory>();
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => agencies.ListAsync(Ct));
    }

    [Fact]
    public async Task Platform_admin_sees_agencies_and_their_size_but_no_people()
    {
        await using var scope = await fixture.ActAsAsync("platform@flexwork.local");
        var agencies = await scope.ServiceProvider.GetRequiredService<AgencyDirectory>().ListAsync(Ct);

        Assert.Equal(["DEMO", "DEMO2"], agencies.Select(a => a.Code));
        Assert.True(agencies[0].EmployeeCount >= 40, $"DEMO has {agencies[0].EmployeeCount} employees");
        Assert.Equal(5, agencies[1].EmployeeCount);

        var me = await scope.ServiceProvider.GetRequiredService<MyProfileService>().GetAsync(Ct);
        Assert.Null(me.EmployeeId);
        Assert.Null(me.AgencyCode);
    }

    private async Task<Guid> DemoAgencyIdAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FlexWorkDbContext>();
        return await db.Agencies.Where(a => a.Code == "DEMO").Select(a => a.Id).SingleAsync(Ct);
    }

    private async Task<(Guid Id, string? UserId)> DemoEmployeeAsync(string email)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FlexWorkDbContext>();
        var employee = await db.Employees.IgnoreQueryFilters().SingleAsync(e => e.Email == email, Ct);
        return (employee.Id, employee.UserId);
    }

    private async Task<int> AuditCountAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FlexWorkDbContext>().AuditEntries.IgnoreQueryFilters().CountAsync(Ct);
    }
}
