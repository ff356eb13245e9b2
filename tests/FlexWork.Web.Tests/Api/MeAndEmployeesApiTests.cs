using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace FlexWork.Web.Tests.Api;

public class MeAndEmployeesApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Me_describes_the_caller_with_their_supervisor()
    {
        var client = await fixture.ClientForAsync("pegawai@demo.go.id");
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me", Ct);

        Assert.Equal("pegawai@demo.go.id", me.GetProperty("email").GetString());
        Assert.Equal(18, me.GetProperty("nip").GetString()!.Length);
        Assert.Equal("DEMO", me.GetProperty("agencyCode").GetString());
        Assert.Equal("Kementerian Contoh", me.GetProperty("agencyName").GetString());
        Assert.Equal("Biro Sumber Daya Manusia", me.GetProperty("unitName").GetString());
        Assert.Equal("atasan@demo.go.id", me.GetProperty("supervisorEmail").GetString());
        Assert.Equal(["Employee"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.False(me.GetProperty("supervisesAnyone").GetBoolean());
        Assert.False(me.GetProperty("headsUnit").GetBoolean());
    }

    [Fact]
    public async Task Me_tells_a_unit_head_and_a_supervisor_apart()
    {
        var kepala = await (await fixture.ClientForAsync("kepala@demo.go.id")).GetFromJsonAsync<JsonElement>("/api/v1/me", Ct);
        Assert.True(kepala.GetProperty("headsUnit").GetBoolean());

        var atasan = await (await fixture.ClientForAsync("atasan@demo.go.id")).GetFromJsonAsync<JsonElement>("/api/v1/me", Ct);
        Assert.True(atasan.GetProperty("supervisesAnyone").GetBoolean());
        Assert.False(atasan.GetProperty("headsUnit").GetBoolean());
    }

    [Fact]
    public async Task Agency_admin_pages_through_the_whole_agency()
    {
        var client = await fixture.ClientForAsync("admin@demo.go.id");
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/employees?page=2&pageSize=10", Ct);

        Assert.True(page.GetProperty("totalCount").GetInt32() >= 40);
        Assert.Equal(10, page.GetProperty("items").GetArrayLength());
        Assert.Equal(2, page.GetProperty("page").GetInt32());
        Assert.All(page.GetProperty("items").EnumerateArray(), e => Assert.EndsWith("@demo.go.id", e.GetProperty("email").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Supervisor_sees_only_direct_reports()
    {
        var client = await fixture.ClientForAsync("atasan@demo.go.id");
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/employees?pageSize=100", Ct);
        var items = page.GetProperty("items").EnumerateArray().ToList();

        Assert.True(items.Count >= 6);
        Assert.All(items, e => Assert.Equal("Siti Rahmawati", e.GetProperty("supervisorName").GetString()));
        Assert.Contains(items, e => e.GetProperty("email").GetString() == "pegawai@demo.go.id");
    }

    [Fact]
    public async Task Search_narrows_the_list()
    {
        var client = await fixture.ClientForAsync("admin@demo.go.id");
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/employees?search=baru%40demo", Ct);
        Assert.Equal("baru@demo.go.id", Assert.Single(page.GetProperty("items").EnumerateArray().ToList()).GetProperty("email").GetString());
    }

    [Theory]
    [InlineData("pegawai@demo.go.id")]
    [InlineData("baru@demo.go.id")]
    [InlineData("platform@flexwork.local")]
    public async Task Employee_list_is_403_for_other_roles(string email)
    {
        var client = await fixture.ClientForAsync(email);
        var response = await client.GetAsync("/api/v1/employees", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Demo2_admin_never_sees_demo_employees()
    {
        var client = await fixture.ClientForAsync("admin@demo2.go.id");
        var all = await client.GetFromJsonAsync<JsonElement>("/api/v1/employees?pageSize=100", Ct);
        Assert.Equal(5, all.GetProperty("totalCount").GetInt32());
        Assert.All(all.GetProperty("items").EnumerateArray(), e => Assert.EndsWith("@demo2.go.id", e.GetProperty("email").GetString(), StringComparison.Ordinal));

        var probe = await client.GetFromJsonAsync<JsonElement>("/api/v1/employees?search=pegawai%40demo.go.id", Ct);
        Assert.Equal(0, probe.GetProperty("totalCount").GetInt32());

        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me", Ct);
        Assert.Equal("DEMO2", me.GetProperty("agencyCode").GetString());
    }

    [Fact]
    public async Task Bad_paging_is_a_400_with_field_errors()
    {
        var client = await fixture.ClientForAsync("admin@demo.go.id");
        var response = await client.GetAsync("/api/v1/employees?page=0&pageSize=1000", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var errors = problem.GetProperty("errors");
        Assert.Equal("Nomor halaman minimal 1.", errors.GetProperty("Page")[0].GetString());
        Assert.Equal("Jumlah baris per halaman harus antara 1 dan 100.", errors.GetProperty("PageSize")[0].GetString());
    }
}
