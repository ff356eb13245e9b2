using FlexWork.Application.Employees.SearchEmployees;
using FlexWork.Application.Profiles.GetMyProfile;
using Microsoft.Extensions.DependencyInjection;

namespace FlexWork.IntegrationTests.Profiles;

/// <summary>Supervisor and unit-head rights come from the seeded org chart.</summary>
public class OrgChartTests(DemoDatabaseFixture fixture) : IClassFixture<DemoDatabaseFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pegawai_sees_their_unit_and_direct_supervisor()
    {
        await using var scope = await fixture.ActAsAsync("pegawai@demo.go.id");
        var me = await scope.ServiceProvider.GetRequiredService<MyProfileService>().GetAsync(Ct);

        Assert.Equal("Andi Pratama", me.FullName);
        Assert.Equal("Biro Sumber Daya Manusia", me.UnitName);
        Assert.Equal("atasan@demo.go.id", me.SupervisorEmail);
        Assert.Equal(["Employee"], me.Roles);
        Assert.False(me.SupervisesAnyone);
        Assert.False(me.HeadsUnit);
    }

    [Fact]
    public async Task Kepala_heads_the_unit_of_atasan_and_pegawai()
    {
        await using var scope = await fixture.ActAsAsync("kepala@demo.go.id");
        var me = await scope.ServiceProvider.GetRequiredService<MyProfileService>().GetAsync(Ct);
        Assert.True(me.HeadsUnit);
        Assert.True(me.SupervisesAnyone);
        Assert.Equal("Biro Sumber Daya Manusia", me.UnitName);
    }

    [Fact]
    public async Task Atasan_lists_exactly_their_direct_reports_including_the_new_employee()
    {
        await using var scope = await fixture.ActAsAsync("atasan@demo.go.id");
        var team = await scope.ServiceProvider.GetRequiredService<EmployeeDirectory>().SearchAsync(new EmployeeSearch(PageSize: 100), Ct);

        Assert.True(team.TotalCount >= 7, $"atasan has {team.TotalCount} reports");
        Assert.All(team.Items, e => Assert.Equal("Siti Rahmawati", e.SupervisorName));
        Assert.Contains(team.Items, e => e.Email == "pegawai@demo.go.id");
        Assert.Contains(team.Items, e => e.Email == "baru@demo.go.id");
    }

    [Fact]
    public async Task Search_pages_and_matches_nip_name_or_email_case_insensitively()
    {
        await using var scope = await fixture.ActAsAsync("admin@demo.go.id");
        var directory = scope.ServiceProvider.GetRequiredService<EmployeeDirectory>();

        var page1 = await directory.SearchAsync(new EmployeeSearch(Page: 1, PageSize: 10), Ct);
        var page2 = await directory.SearchAsync(new EmployeeSearch(Page: 2, PageSize: 10), Ct);
        Assert.Equal(10, page1.Items.Count);
        Assert.Empty(page1.Items.Select(e => e.Id).Intersect(page2.Items.Select(e => e.Id)));
        Assert.True(string.CompareOrdinal(page1.Items[^1].FullName, page2.Items[0].FullName) <= 0);

        Assert.Equal("Andi Pratama", Assert.Single((await directory.SearchAsync(new EmployeeSearch("ANDI PRAT"), Ct)).Items).FullName);
        var pegawai = Assert.Single((await directory.SearchAsync(new EmployeeSearch("pegawai@demo"), Ct)).Items);
        Assert.Equal(pegawai.Nip, Assert.Single((await directory.SearchAsync(new EmployeeSearch(pegawai.Nip), Ct)).Items).Nip);

        // LIKE wildcards in the search text are matched literally.
        Assert.Equal(0, (await directory.SearchAsync(new EmployeeSearch("%"), Ct)).TotalCount);
        Assert.Equal(0, (await directory.SearchAsync(new EmployeeSearch("_"), Ct)).TotalCount);
    }

    [Theory]
    [InlineData(EmployeeSort.Name)]
    [InlineData(EmployeeSort.Nip)]
    [InlineData(EmployeeSort.Unit)]
    [InlineData(EmployeeSort.Position)]
    public async Task The_list_sorts_on_the_server_both_ways(EmployeeSort sort)
    {
        await using var scope = await fixture.ActAsAsync("admin@demo.go.id");
        var directory = scope.ServiceProvider.GetRequiredService<EmployeeDirectory>();
        string Key(EmployeeListItem e) => sort switch
        {
            EmployeeSort.Nip => e.Nip,
            EmployeeSort.Unit => e.UnitName,
            EmployeeSort.Position => e.PositionName,
            _ => e.FullName,
        };

        var ascending = (await directory.SearchAsync(new EmployeeSearch(PageSize: 100, SortBy: sort), Ct)).Items.Select(Key).ToList();
        var descending = (await directory.SearchAsync(new EmployeeSearch(PageSize: 100, SortBy: sort, Descending: true), Ct)).Items.Select(Key).ToList();

        Assert.True(ascending.Count >= 40);
        Assert.Equal(ascending.Order(StringComparer.Ordinal), ascending, StringComparer.Ordinal);
        Assert.Equal(ascending.OrderDescending(StringComparer.Ordinal), descending, StringComparer.Ordinal);
    }

    [Fact]
    public async Task Bad_paging_is_refused_with_a_validation_error()
    {
        await using var scope = await fixture.ActAsAsync("admin@demo.go.id");
        var directory = scope.ServiceProvider.GetRequiredService<EmployeeDirectory>();
        var error = await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => directory.SearchAsync(new EmployeeSearch(Page: 0, PageSize: 500), Ct));
        Assert.Equal(["PAGE_INVALID", "PAGE_SIZE_INVALID"], error.Errors.Select(e => e.ErrorCode).Order());
    }
}
