using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace FlexWork.Web.Tests.Api;

public class AdminImportApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private const string Header = "nip,nama,email,unit,jabatan,nip_atasan,jenis_kepegawaian,tmt_jabatan";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Preview_reports_localized_row_errors_and_apply_creates_the_valid_file()
    {
        var client = await fixture.ClientForAsync("admin@demo.go.id");
        var bad = $"{Header}\n199101012015011021,Api Satu,api.satu@demo.go.id,Biro Entah,Arsiparis,,PNS,2024-01-01\n";

        var preview = await PostAsync(client, bad, "?apply=true");
        Assert.False(preview.GetProperty("applied").GetBoolean());
        var error = preview.GetProperty("errors")[0];
        Assert.Equal(2, error.GetProperty("row").GetInt32());
        Assert.Equal("unit", error.GetProperty("column").GetString());
        Assert.Equal("UNIT_UNKNOWN", error.GetProperty("code").GetString());
        Assert.Equal("Baris 2, kolom unit: unit \"Biro Entah\" tidak dikenal.", error.GetProperty("message").GetString());

        var good = bad.Replace("Biro Entah", "Biro Umum dan Layanan Publik", StringComparison.Ordinal);
        var dryRun = await PostAsync(client, good, "");
        Assert.Equal((1, false), (dryRun.GetProperty("created").GetInt32(), dryRun.GetProperty("applied").GetBoolean()));

        var applied = await PostAsync(client, good, "?apply=true");
        Assert.Equal((1, true), (applied.GetProperty("created").GetInt32(), applied.GetProperty("applied").GetBoolean()));

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/employees?search=api.satu", Ct);
        Assert.Equal(1, list.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Every_error_code_has_a_message_in_both_languages()
    {
        var client = await fixture.ClientForAsync("admin@demo.go.id");
        var csv = "nip,nama,email,unit,jabatan,nip_atasan,jenis_kepegawaian,tmt_jabatan,status_disiplin,disiplin_mulai,disiplin_selesai,zona_waktu\n" +
                  "1,,bad,X,Y,2,ASN,kemarin,Entah,,,Mars\n" +
                  "1,,bad,X,Y,,PNS,2024-01-01,Hukuman,2024-02-01,2024-01-01,\n";
        foreach (var language in new[] { "id-ID", "en-US" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/imports/employees") { Content = new StringContent(csv, Encoding.UTF8, "text/csv") };
            request.Headers.AcceptLanguage.ParseAdd(language);
            var report = await (await client.SendAsync(request, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
            var messages = report.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString()!).ToList();
            Assert.True(messages.Count >= 9, string.Join("\n", messages));
            Assert.DoesNotContain(messages, m => m.Contains("Import.", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("pegawai@demo.go.id")]
    [InlineData("atasan@demo.go.id")]
    [InlineData("platform@flexwork.local")]
    public async Task Import_is_403_for_anyone_but_an_agency_admin(string email)
    {
        var client = await fixture.ClientForAsync(email);
        var response = await client.PostAsync("/api/v1/admin/imports/employees", new StringContent(Header + "\n", Encoding.UTF8, "text/csv"), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Import_without_a_token_is_401()
    {
        var response = await fixture.Factory.CreateClient().PostAsync("/api/v1/admin/imports/employees", new StringContent(Header + "\n", Encoding.UTF8, "text/csv"), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string csv, string query)
    {
        var response = await client.PostAsync($"/api/v1/admin/imports/employees{query}", new StringContent(csv, Encoding.UTF8, "text/csv"), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }
}
