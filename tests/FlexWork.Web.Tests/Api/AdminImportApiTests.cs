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
    public async Task An_unclosed_quote_is_one_sentence_about_its_row()
    {
        var client = await fixture.ClientForAsync("admin@demo.go.id");
        var csv = $"{Header}\n199101012015011031,\"Api Kutip,api.kutip@demo.go.id,Biro Umum dan Layanan Publik,Arsiparis,,PNS,2024-01-01\n";

        var error = Assert.Single((await PostAsync(client, csv, "")).GetProperty("errors").EnumerateArray());
        Assert.Equal(("", "QUOTE_UNTERMINATED"), (error.GetProperty("column").GetString(), error.GetProperty("code").GetString()));
        Assert.StartsWith("Baris 2: tanda kutip (\") dibuka tetapi tidak pernah ditutup", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_invite_the_created_employees_get_working_invitation_links_and_unchanged_ones_none()
    {
        var client = await fixture.ClientForAsync("admin@demo.go.id");
        var csv = $"{Header}\n199102022015021022,Api Undang,api.undang@demo.go.id,Biro Umum dan Layanan Publik,Arsiparis,,PNS,2024-01-01\n";

        var applied = await PostAsync(client, csv, "?apply=true&invite=true");
        var invitation = Assert.Single(applied.GetProperty("invitations").EnumerateArray());
        Assert.Equal("api.undang@demo.go.id", invitation.GetProperty("email").GetString());
        Assert.False(invitation.GetProperty("emailed").GetBoolean(), "no SMTP in tests: the link is to be passed on");
        var link = invitation.GetProperty("link").GetString()!;
        Assert.StartsWith("http://localhost/Account/AcceptInvitation?userId=", link, StringComparison.Ordinal);

        var page = await fixture.Factory.CreateClient().GetAsync(new Uri(link).PathAndQuery, Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("accept-invitation", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var again = await PostAsync(client, csv, "?apply=true&invite=true");
        Assert.Empty(again.GetProperty("invitations").EnumerateArray());
    }

    [Fact]
    public async Task Units_and_positions_import_through_the_api_in_order_and_report_errors_in_english_on_request()
    {
        var client = await fixture.ClientForAsync("admin@demo.go.id");
        var units = await PostAsync(client, "nama,induk,zona_waktu\nApi Pusat Data,,WIB\nApi Seksi Jaringan,Api Pusat Data,\n", "?apply=true", "units");
        Assert.Equal((2, true), (units.GetProperty("created").GetInt32(), units.GetProperty("applied").GetBoolean()));
        var tree = await client.GetFromJsonAsync<JsonElement>("/api/v1/admin/units", Ct);
        Assert.Contains(tree.EnumerateArray(), u => u.GetProperty("name").GetString() == "Api Seksi Jaringan");

        var positions = await PostAsync(client, "nama,jenis,luar_kantor,tanpa_ruang_khusus,dengan_tik,sedikit_tatap_muka,tanpa_pengawasan_terus\nApi Pengelola Jaringan,Fungsional,Ya,Ya,Ya,Ya,Ya\n", "?apply=true", "positions");
        Assert.Equal(1, positions.GetProperty("created").GetInt32());

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/imports/positions")
        {
            Content = new StringContent("nama,jenis,luar_kantor\nApi Salah,Honorer,Mungkin\n", Encoding.UTF8, "text/csv"),
        };
        request.Headers.AcceptLanguage.ParseAdd("en-US");
        var report = await (await client.SendAsync(request, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var messages = report.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString()).ToList();
        Assert.Contains("Row 2, column jenis: unknown position kind \"Honorer\": use Struktural, Fungsional or Pelaksana.", messages);
        Assert.Contains("Row 2, column luar_kantor: \"Mungkin\" is not Ya (yes) or Tidak (no).", messages);
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

    private static async Task<JsonElement> PostAsync(HttpClient client, string csv, string query, string kind = "employees")
    {
        var response = await client.PostAsync($"/api/v1/admin/imports/{kind}{query}", new StringContent(csv, Encoding.UTF8, "text/csv"), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }
}
