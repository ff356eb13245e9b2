using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using FlexWork.Tests.Shared;

namespace FlexWork.E2E;

[Collection(BrowserCollection.Name)]
public class PolicyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Admin_lowers_the_weekly_cap_in_a_draft_publishes_it_and_the_check_api_then_blocks_a_second_home_day()
    {
        // Andi has two home days pending in one week: a cap of one would refuse the second.
        var ct = TestContext.Current.CancellationToken;
        using var andi = await browser.ApiAsync("pegawai@demo.go.id", ct);
        var pendingWeek = TestWeeks.Free(0, 21);
        var submitted = await andi.PostAsJsonAsync("/api/v1/requests", Proposal(Home(pendingWeek), Home(pendingWeek.AddDays(1))), ct);
        Assert.Equal(System.Net.HttpStatusCode.Created, submitted.StatusCode);

        var page = await browser.NewPageAsync(1280, 900);
        await BrowserFixture.SignInAsync(page, "admin@demo.go.id");
        await page.GetByRole(AriaRole.Link, new() { Name = "Kebijakan", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kebijakan kerja fleksibel" })).ToBeVisibleAsync();
        await BrowserFixture.WaitForInteractiveAsync(page);
        await BrowserFixture.CheckPageAsync(page, "50-policy-editor");

        // A contradiction is explained before anything is saved.
        var perWeek = page.GetByLabel("Hari per minggu", new() { Exact = true });
        await perWeek.FillAsync("9");
        await perWeek.BlurAsync();
        await Expect(page.Locator("[data-testid=policy-errors]")).ToContainTextAsync("antara 0 dan jumlah hari kerja seminggu");
        await Expect(page.Locator(".mud-input-control").Filter(new() { Has = perWeek }).Locator(".mud-input-helper-text.mud-input-error"))
            .ToContainTextAsync("antara 0 dan jumlah hari kerja seminggu"); // and under the field itself
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Simpan draf" })).ToBeDisabledAsync();
        await BrowserFixture.CheckPageAsync(page, "50-policy-editor-error");

        await perWeek.FillAsync("1");
        await perWeek.BlurAsync();
        await Expect(page.Locator("[data-testid=policy-status]")).ToContainTextAsync("1 perubahan dibanding versi 1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Pratinjau 8 minggu" }).ClickAsync();
        // At least Andi's second day; other browser tests may have planned more two-day weeks.
        await Expect(page.Locator("[data-testid=policy-preview-summary]")).ToHaveTextAsync(
            new System.Text.RegularExpressions.Regex("^[1-9][0-9]* hari dari pengajuan yang sudah diajukan atau disetujui akan melanggar"));
        await Expect(page.Locator("[data-testid=policy-preview]")).ToContainTextAsync("WEEKLY_REMOTE_CAP");
        await BrowserFixture.CheckPageAsync(page, "55-policy-preview");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan draf" }).ClickAsync();
        await Expect(page.Locator("[data-testid=policy-status]")).ToContainTextAsync("Draf berdasarkan versi 1");

        await page.GetByRole(AriaRole.Button, new() { Name = "Terbitkan…" }).ClickAsync();
        await page.GetByLabel("Dasar hukum").FillAsync("Keputusan Sekretaris Jenderal Nomor 44 Tahun 2026");
        await BrowserFixture.CheckPageAsync(page, "51-policy-publish");
        await page.GetByRole(AriaRole.Button, new() { Name = "Terbitkan", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Versi 2 terbit")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Riwayat versi" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Bandingkan versi 1 dengan versi 2" }).ClickAsync();
        await Expect(page.Locator("[data-testid=policy-diff]")).ToContainTextAsync("Hari di luar kantor per minggu");
        await BrowserFixture.CheckPageAsync(page, "52-policy-versions");

        // The employee's check through the API now stops at the second home day of a week.
        var monday = TestWeeks.Free(1, 21); // not the week of the pending days above
        var check = await (await andi.PostAsJsonAsync("/api/v1/policy/check", Proposal(Home(monday), Home(monday.AddDays(1))), ct))
            .Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal(2, check.GetProperty("policyVersion").GetInt32());
        var finding = Assert.Single(check.GetProperty("findings").EnumerateArray());
        Assert.Equal("WEEKLY_REMOTE_CAP", finding.GetProperty("code").GetString());

        // Back to the regulation's two days, so that the other browser tests meet the demo policy.
        await page.GetByRole(AriaRole.Link, new() { Name = "Ubah draf" }).ClickAsync();
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.GetByLabel("Hari per minggu", new() { Exact = true }).FillAsync("2");
        await page.GetByLabel("Hari per minggu", new() { Exact = true }).BlurAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan draf" }).ClickAsync();
        await Expect(page.Locator("[data-testid=policy-status]")).ToContainTextAsync("Draf berdasarkan versi 2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Terbitkan…" }).ClickAsync();
        await page.GetByLabel("Dasar hukum").FillAsync("Keputusan Sekretaris Jenderal Nomor 45 Tahun 2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Terbitkan", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Versi 3 terbit")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Admin_adds_a_location_and_a_mandatory_office_day()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "admin@demo.go.id");

        await page.GetByRole(AriaRole.Link, new() { Name = "Lokasi", Exact = true }).ClickAsync();
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tambah lokasi" }).ClickAsync();
        await page.GetByLabel("Nama lokasi").FillAsync("Balai Diklat Ciawi");
        await page.GetByLabel("Alamat").FillAsync("Jl. Raya Puncak Km 5, Ciawi, Bogor");
        await page.GetByLabel("Lintang").FillAsync("-6,65"); // an Indonesian decimal comma
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan", Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-testid=location-form]")).ToContainTextAsync("Isi lintang, bujur dan radius bersama-sama");
        await page.GetByLabel("Lintang").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan", Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-testid=location-list]")).ToContainTextAsync("Balai Diklat Ciawi");
        await BrowserFixture.CheckPageAsync(page, "53-locations");

        await page.GetByRole(AriaRole.Link, new() { Name = "Kalender", Exact = true }).ClickAsync();
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=calendar-list]")).ToContainTextAsync("Hari Raya Natal");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tambah hari" }).ClickAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Tanggal" }).FillAsync(DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Keterangan").FillAsync("Apel Hari Kesadaran Nasional");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan", Exact = true }).ClickAsync();
        // Saved (and its toast shown) before the scan, which then waits for the toast to go.
        await Expect(page.GetByText("Perubahan tersimpan.")).ToBeVisibleAsync();
        await BrowserFixture.CheckPageAsync(page, "54-calendar");

        // Ramadan comes with the national calendar's years; the admin adds the next one when it is set.
        var next = DateTime.UtcNow.AddHours(7).Year + 1;
        await Expect(page.Locator("[data-testid=ramadan-list]")).ToContainTextAsync("Ramadan 1447 H");
        await Expect(page.Locator("[data-testid=ramadan-missing]")).ToContainTextAsync(next.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Tambah periode Ramadan" }).ClickAsync();
        var form = page.Locator("[data-testid=ramadan-form]");
        await form.GetByLabel("Keterangan").FillAsync("Ramadan (uji)");
        await form.GetByRole(AriaRole.Textbox, new() { Name = "1 Ramadan" }).FillAsync($"{next}-02-08");
        await form.GetByRole(AriaRole.Textbox, new() { Name = "Hari terakhir" }).FillAsync($"{next}-03-09");
        await form.GetByRole(AriaRole.Button, new() { Name = "Simpan", Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-testid=ramadan-list]")).ToContainTextAsync("Ramadan (uji)");
        await Expect(page.Locator("[data-testid=ramadan-missing]").Filter(new() { HasText = next.ToString(System.Globalization.CultureInfo.InvariantCulture) })).ToHaveCountAsync(0);
        await Expect(page.GetByText("Perubahan tersimpan.")).ToBeVisibleAsync();
        await BrowserFixture.CheckPageAsync(page, "55-calendar-ramadan");
    }


    private static object Home(DateOnly date) => new { date = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), mode = "Home" };

    private static object Proposal(params object[] days) => new { days, reason = "Menyusun laporan", workPlan = new[] { new { output = "Laporan analisis jabatan" } } };

}
