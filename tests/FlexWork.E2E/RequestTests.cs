using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using FlexWork.Tests.Shared;

namespace FlexWork.E2E;

[Collection(BrowserCollection.Name)]
public class RequestTests(BrowserFixture browser)
{
    [Fact]
    public async Task Pegawai_asks_for_three_home_days_sees_the_cap_on_the_third_submits_two_and_the_supervisor_approves()
    {
        var monday = TestWeeks.Free(0, 35);
        var page = await browser.NewPageAsync(1280, 900);
        await BrowserFixture.SignInAsync(page, "pegawai@demo.go.id");
        await page.GetByRole(AriaRole.Link, new() { Name = "Pengajuan saya" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/requests$")); // the home page has its own "Pengajuan baru": click the list's, once it is there
        await page.GetByRole(AriaRole.Link, new() { Name = "Pengajuan baru" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/requests/new$"));
        await BrowserFixture.WaitForInteractiveAsync(page);

        await page.GetByRole(AriaRole.Textbox, new() { Name = "Dari tanggal" }).FillAsync(Iso(monday));
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Sampai tanggal" }).FillAsync(Iso(monday.AddDays(2)));
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Sampai tanggal" }).BlurAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tambahkan", Exact = true }).ClickAsync();
        await page.GetByLabel("Keluaran").FillAsync("Laporan analisis kebutuhan pelatihan");
        await page.GetByLabel("Keluaran").BlurAsync();

        var third = page.Locator($"[data-testid=day-findings-{Iso(monday.AddDays(2))}]");
        await Expect(third).ToContainTextAsync("WEEKLY_REMOTE_CAP");
        await Expect(page.Locator($"[data-testid=day-findings-{Iso(monday)}]")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Ajukan", Exact = true })).ToBeDisabledAsync();
        await BrowserFixture.CheckPageAsync(page, "60-request-form-cap");

        await page.Locator($"[data-testid=day-{Iso(monday.AddDays(2))}] button[aria-label^='Hapus']").ClickAsync();
        await Expect(page.Locator("[data-testid=request-verdict]")).ToContainTextAsync("memenuhi kebijakan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajukan", Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-testid=my-requests]")).ToContainTextAsync("Diajukan");
        await BrowserFixture.CheckPageAsync(page, "61-my-requests");

        var supervisor = await browser.NewPageAsync(1280, 900);
        await BrowserFixture.SignInAsync(supervisor, "atasan@demo.go.id");
        await supervisor.GetByRole(AriaRole.Link, new() { Name = "Persetujuan" }).ClickAsync();
        var item = supervisor.Locator("[data-testid=inbox-item]").Filter(new() { HasText = "Andi Pratama" })
            .Filter(new() { HasText = monday.ToString("ddd, d MMM yyyy", Indonesian) });
        await Expect(item.Locator("[data-testid=inbox-coverage] tbody tr")).ToHaveCountAsync(2);
        await Expect(item.Locator("[data-testid=inbox-coverage]")).ToContainTextAsync("(minimal");
        await BrowserFixture.CheckPageAsync(supervisor, "62-approvals");
        await item.GetByRole(AriaRole.Button, new() { Name = "Setujui" }).ClickAsync();
        await Expect(supervisor.GetByText("Pengajuan Andi Pratama disetujui.")).ToBeVisibleAsync();

        await page.ReloadAsync();
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=my-requests]")).ToContainTextAsync("Disetujui");

        // The bell tells him.
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Notifikasi, [1-9][0-9]* belum dibaca$") }).ClickAsync(); // other tests may have told him more
        await Expect(page.Locator("[data-testid=notification-list]")).ToContainTextAsync("Pengajuan Anda disetujui oleh Siti Rahmawati");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Notifikasi, 0 belum dibaca" })).ToBeVisibleAsync();
        await BrowserFixture.CheckPageAsync(page, "66-notifications");

        // Both days show as approved home days in Andi's month.
        await page.GetByRole(AriaRole.Link, new() { Name = "Jadwal saya" }).ClickAsync();
        await BrowserFixture.WaitForInteractiveAsync(page);
        var today = DateOnly.FromDateTime(DateTime.Now);
        var target = new DateOnly(monday.Year, monday.Month, 1).ToString("MMMM yyyy", new CultureInfo("id-ID"));
        for (var months = ((monday.Year - today.Year) * 12) + monday.Month - today.Month; months > 0; months--)
        {
            var shown = await page.Locator("[data-testid=schedule-period]").InnerTextAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Berikutnya" }).ClickAsync();
            await Expect(page.Locator("[data-testid=schedule-period]")).Not.ToHaveTextAsync(shown); // one month at a time
        }

        await Expect(page.Locator("[data-testid=schedule-period]")).ToHaveTextAsync(target);

        foreach (var day in new[] { monday, monday.AddDays(1) })
        {
            var cell = page.Locator($"[data-testid=schedule-{Iso(day)}]");
            await Expect(cell).ToContainTextAsync("Rumah");
            await Expect(cell).ToContainTextAsync("Disetujui");
        }

        await Expect(page.Locator($"[data-testid=schedule-{Iso(monday.AddDays(2))}]")).ToContainTextAsync("Kantor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Buat alamat kalender" }).ClickAsync();
        StringAssert(await page.GetByLabel("Alamat kalender").InputValueAsync(), "/calendar/", ".ics");
        await Expect(page.Locator("[data-testid=calendar-feed]")).ToContainTextAsync("hanya ditampilkan sekali");
        await BrowserFixture.CheckPageAsync(page, "64-my-schedule");
        // Only a hash is kept: back on the page the address is not shown again, a new one can be made.
        await page.ReloadAsync();
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Buat alamat baru" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Alamat kalender")).ToHaveCountAsync(0);

        await supervisor.GetByRole(AriaRole.Link, new() { Name = "Jadwal tim" }).ClickAsync();
        await BrowserFixture.WaitForInteractiveAsync(supervisor);
        await Expect(supervisor.Locator("[data-testid=team-schedule]")).ToContainTextAsync("Andi Pratama");
        await Expect(supervisor.Locator("[data-testid=team-schedule] tfoot")).ToContainTextAsync("(min."); // her unit, against its minimum
        await BrowserFixture.CheckPageAsync(supervisor, "65-team-schedule");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "Bulan" }).ClickAsync();
        await Expect(supervisor.Locator("[data-testid=team-period]")).ToHaveTextAsync(DateTime.Now.ToString("MMMM yyyy", Indonesian));
        await Expect(supervisor.Locator("[data-testid=team-schedule] thead th")).ToHaveCountAsync(1 + DateTime.DaysInMonth(DateTime.Now.Year, DateTime.Now.Month));
        await BrowserFixture.CheckPageAsync(supervisor, "65-team-schedule-month");
    }

    [Fact]
    public async Task A_supervisor_approves_the_clean_requests_together_and_revokes_a_running_approval()
    {
        var ct = TestContext.Current.CancellationToken;
        using var andi = await browser.ApiAsync("pegawai@demo.go.id", ct);
        var days = new[] { TestWeeks.Free(0, 63).AddDays(2), TestWeeks.Free(1, 63).AddDays(2) };
        foreach (var day in days)
        {
            var created = await andi.PostAsJsonAsync(
                "/api/v1/requests",
                new { days = new[] { new { date = Iso(day), mode = "Home" } }, reason = "Menyusun laporan", workPlan = new[] { new { output = "Laporan analisis jabatan" } } },
                ct);
            Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        }

        var page = await browser.NewPageAsync(1280, 900);
        await BrowserFixture.SignInAsync(page, "atasan@demo.go.id");
        await page.GetByRole(AriaRole.Link, new() { Name = "Persetujuan" }).ClickAsync();
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.Locator("[data-testid=filter-Clean]").ClickAsync();
        await Expect(page.Locator("[data-testid=inbox-item]").Filter(new() { HasText = "Andi Pratama" }).First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=inbox-item]").Filter(new() { HasText = "Perlu diperiksa" })).ToHaveCountAsync(0);
        await page.GetByText(new Regex(@"^Pilih semua yang siap disetujui \(")).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(@"^Setujui yang dipilih \([1-9][0-9]*\)$") })).ToBeEnabledAsync();
        await BrowserFixture.CheckPageAsync(page, "68-approvals-bulk");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Setujui yang dipilih") }).ClickAsync();
        await Expect(page.GetByText(new Regex(@"^[1-9][0-9]* pengajuan disetujui, 0 tidak\.$"))).ToBeVisibleAsync();
        foreach (var day in days)
        {
            await Expect(page.Locator("[data-testid=inbox-item]").Filter(new() { HasText = day.ToString("ddd, d MMM yyyy", Indonesian) })).ToHaveCountAsync(0);
        }

        // Both are now running approvals; one is taken back, and only with a reason.
        await page.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex("^Disetujui, masih berjalan") }).ClickAsync();
        var running = page.Locator("[data-testid=revocable-item]").Filter(new() { HasText = "Andi Pratama" })
            .Filter(new() { HasText = days[0].ToString("ddd, d MMM yyyy", Indonesian) });
        await running.GetByRole(AriaRole.Button, new() { Name = "Cabut persetujuan" }).ClickAsync();
        await Expect(running).ToContainTextAsync("Tuliskan alasannya.");
        await running.GetByLabel("Alasan pencabutan").FillAsync("Rapat koordinasi wilayah pada hari itu");
        await BrowserFixture.CheckPageAsync(page, "69-revoke");
        await running.GetByRole(AriaRole.Button, new() { Name = "Cabut persetujuan" }).ClickAsync();
        await Expect(page.GetByText("Persetujuan Andi Pratama dicabut mulai besok.")).ToBeVisibleAsync();
        await Expect(running).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_new_employee_is_told_why_they_are_not_eligible()
    {
        var monday = TestWeeks.Free(0, 14);
        var page = await browser.NewPageAsync(1280, 900);
        await BrowserFixture.SignInAsync(page, "baru@demo.go.id");
        await page.GotoAsync("/requests/new");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Dari tanggal" }).FillAsync(Iso(monday));
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Dari tanggal" }).BlurAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tambahkan", Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-testid=request-finding]")).ToContainTextAsync("Pegawai baru dapat bekerja fleksibel lokasi setelah 12 bulan");
        await BrowserFixture.CheckPageAsync(page, "63-request-not-eligible");
    }

    [Fact]
    public async Task A_supervisor_appoints_an_acting_official()
    {
        var page = await browser.NewPageAsync(1280, 900);
        await BrowserFixture.SignInAsync(page, "atasan@demo.go.id");
        await page.GetByRole(AriaRole.Link, new() { Name = "Pelaksana harian" }).ClickAsync();
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.GetByLabel("Pelaksana harian", new() { Exact = true }).ClickAsync();
        await page.GetByLabel("Pelaksana harian", new() { Exact = true }).PressSequentiallyAsync("Admin Kep", new() { Delay = 50 });
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Admin Kepegawaian" }).ClickAsync();
        await Expect(page.GetByLabel("Pelaksana harian", new() { Exact = true })).ToHaveValueAsync(new Regex("^Admin Kepegawaian"));
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1));
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Dari tanggal" }).FillAsync(Iso(today));
        await page.Keyboard.PressAsync("Tab");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Sampai tanggal" }).FillAsync(Iso(today.AddDays(4)));
        await page.Keyboard.PressAsync("Tab");
        await page.GetByLabel("Nomor surat perintah").FillAsync("Sprint Plh 21/2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tunjuk", Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-testid=delegation-list]")).ToContainTextAsync("Admin Kepegawaian");
        await BrowserFixture.CheckPageAsync(page, "67-delegations");
    }

    private static void StringAssert(string value, string contains, string endsWith)
    {
        Assert.Contains(contains, value, StringComparison.Ordinal);
        Assert.EndsWith(endsWith, value, StringComparison.Ordinal);
    }

    private static readonly CultureInfo Indonesian = new("id-ID");

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

}
