using System.Globalization;
using System.Text.RegularExpressions;
using FlexWork.Domain.Calendar;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlexWork.E2E;

/// <summary>
/// Kinerja in Chromium on the demo story: Andi writes a report on a phone; Siti agrees Bunga's
/// target, the admin starts the evaluation, Siti rates Bunga Butuh Perbaikan, Bunga acknowledges,
/// and the demo policy (suspension after Butuh Perbaikan) refuses her flexible work next month.
/// </summary>
[Collection(BrowserCollection.Name)]
public class PerformanceTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_employee_writes_a_work_report_on_a_phone()
    {
        var page = await browser.NewPageAsync(390, 844);
        await BrowserFixture.SignInAsync(page, "pegawai@demo.go.id");
        await Expect(page.Locator("[data-testid=home-employee][data-loaded]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=home-week] .home-day")).ToHaveCountAsync(5);
        await Expect(page.Locator("[data-testid=home-quota-week]")).ToContainTextAsync("dari 2");
        await BrowserFixture.CheckPageAsync(page, "69-home-employee-phone");
        await page.GotoAsync("/performance");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=target-item]")).ToHaveCountAsync(3);
        await Expect(page.Locator("[data-testid=target-item]").First).ToContainTextAsync("Disepakati");
        await BrowserFixture.CheckPageAsync(page, "70-my-targets-phone");

        await page.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex("^Laporan kerja") }).ClickAsync();
        await Expect(page.Locator("[data-testid=reports-due] a, [data-testid=reports-written] a").First).ToContainTextAsync("Rumah");
        await BrowserFixture.CheckPageAsync(page, "71-my-reports-phone");

        // The first day listed (the overdue one when there is one): its two plan lines, and one more.
        await page.Locator("[data-testid=reports-due] a, [data-testid=reports-written] a").First.ClickAsync();
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=report-line]")).ToHaveCountAsync(2);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tambah kegiatan" }).ClickAsync();
        string[] done = ["Menyusun bab analisis kesenjangan kompetensi", "Memutakhirkan riwayat diklat 12 pegawai di SIASN", "Rapat daring koordinasi data SIASN dengan Biro TI"];
        for (var i = 0; i < done.Length; i++)
        {
            await page.Locator("textarea[data-testid=report-activity]").Nth(i).FillAsync(done[i]);
        }

        // A photo of the draft as evidence: the first upload sends the report as it stands, the page stays.
        await page.Locator("textarea[data-testid=report-activity]").Nth(2).BlurAsync();
        // A text file under a photo's name is refused next to the buttons; the report it sent first stays sent.
        await page.Locator("input[type=file]").Last.SetInputFilesAsync(new FilePayload { Name = "catatan.jpg", MimeType = "image/jpeg", Buffer = "catatan rapat"u8.ToArray() });
        await Expect(page.Locator("[data-testid=report-error]")).ToContainTextAsync("PDF, JPG atau PNG");
        await Expect(page.Locator("[data-testid=report-save]")).ToContainTextAsync("Simpan perbaikan");
        await page.Locator("input[type=file]").Last.SetInputFilesAsync(new FilePayload { Name = "foto-draf-bab-3.jpg", MimeType = "image/jpeg", Buffer = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46, 0, 1] });
        await Expect(page.Locator("[data-testid=report-evidence]")).ToContainTextAsync("foto-draf-bab-3.jpg");
        await Expect(page.Locator("[data-testid=report-save]")).ToContainTextAsync("Simpan perbaikan");
        await BrowserFixture.CheckPageAsync(page, "72-report-form-phone");
        await page.Locator("[data-testid=report-save]").ClickAsync();
        await Expect(page.GetByText(new Regex("Laporan kerja terkirim"))).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new Regex("performance\\?tab=1$"));
        await Expect(page.Locator("[data-testid=reports-written]")).ToContainTextAsync("3 kegiatan · 1 bukti");
    }

    [Fact]
    public async Task The_supervisor_agrees_a_target_and_rates_and_a_poor_predikat_suspends_next_months_flexible_work()
    {
        // Siti agrees Bunga's proposal while the period still takes targets.
        var siti = await browser.NewPageAsync(1280, 900);
        await BrowserFixture.SignInAsync(siti, "atasan@demo.go.id");
        await Expect(siti.Locator("[data-testid=home-leader][data-loaded]")).ToHaveCountAsync(1);
        await Expect(siti.Locator("[data-testid=home-leader]")).ToContainTextAsync("Pengajuan menunggu keputusan"); // how many depends on the tests before (bulk approval)
        await BrowserFixture.CheckPageAsync(siti, "68-home-supervisor");
        await siti.GetByRole(AriaRole.Link, new() { Name = "Kinerja tim" }).ClickAsync();
        await BrowserFixture.WaitForInteractiveAsync(siti);
        var proposal = siti.Locator("[data-testid=target-to-agree]").Filter(new() { HasText = "Bunga Lestari" }).Filter(new() { HasText = "rekap usulan kenaikan pangkat" });
        await Expect(proposal).ToHaveCountAsync(1);
        await BrowserFixture.CheckPageAsync(siti, "73-team-targets");
        await proposal.Locator("[data-testid=target-agree]").ClickAsync();
        await Expect(siti.GetByText("Target Bunga Lestari disetujui.")).ToBeVisibleAsync();

        await siti.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex("^Laporan kerja") }).ClickAsync();
        // Andi's latest home day is overdue in the demo (or written late, once the phone test wrote it); the team's reports are listed too.
        await Expect(siti.Locator("[data-testid=team-report]").Filter(new() { HasText = "Andi Pratama" }).Filter(new() { HasText = "Terlambat" }).First).ToBeVisibleAsync();
        await BrowserFixture.CheckPageAsync(siti, "74-team-reports");
        await siti.GetByRole(AriaRole.Tab, new() { Name = "Hasil per mode kerja" }).ClickAsync();
        await Expect(siti.Locator("[data-testid=results-by-mode]")).ToContainTextAsync("Andi Pratama");
        await BrowserFixture.CheckPageAsync(siti, "74b-team-results");

        // The admin starts this month's evaluation.
        var admin = await browser.NewPageAsync(1280, 900);
        await BrowserFixture.SignInAsync(admin, "admin@demo.go.id");
        await admin.GotoAsync("/admin/performance-periods");
        await BrowserFixture.WaitForInteractiveAsync(admin);
        var running = admin.Locator("[data-testid=periods] tbody tr").Filter(new() { HasText = "Berjalan" });
        await running.GetByRole(AriaRole.Button, new() { Name = "Mulai penilaian" }).ClickAsync();
        await Expect(admin.Locator("[data-testid=periods] tbody tr").First).ToContainTextAsync("Penilaian");
        await BrowserFixture.CheckPageAsync(admin, "75-performance-periods");

        // Siti rates Bunga's results below expectations: Butuh Perbaikan. (Her own supervisor signs
        // in with two factors once the account tests have run, so the story stays one level down.)
        await siti.GotoAsync("/performance/team");
        await BrowserFixture.WaitForInteractiveAsync(siti);
        await siti.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex("^Penilaian") }).ClickAsync();
        await siti.Locator("[data-testid=team-evaluations] tr").Filter(new() { HasText = "Bunga Lestari" }).Locator("[data-testid=evaluate]").ClickAsync();
        await BrowserFixture.WaitForInteractiveAsync(siti);
        await Expect(siti.GetByRole(AriaRole.Heading, new() { Name = "Penilaian kinerja Bunga Lestari" })).ToBeVisibleAsync();
        await Choose(siti, "rate-results", "Di bawah ekspektasi");
        await Choose(siti, "rate-behaviour", "Sesuai ekspektasi");
        await Expect(siti.Locator("[data-testid=rate-predikat]")).ToContainTextAsync("Butuh Perbaikan");
        await siti.Locator("textarea[data-testid=rate-feedback]").FillAsync("Rekap usulan kenaikan pangkat belum selesai. Kita susun rencana perbaikan bersama.");
        await BrowserFixture.CheckPageAsync(siti, "76-rate");
        await siti.Locator("[data-testid=rate-save]").ClickAsync();
        await Expect(siti.GetByText("Penilaian Bunga Lestari tersimpan; pegawai diberi tahu.")).ToBeVisibleAsync();

        // Bunga sees the predikat and acknowledges it.
        var bunga = await browser.NewPageAsync(1280, 900);
        await BrowserFixture.SignInAsync(bunga, "baru@demo.go.id");
        await bunga.GotoAsync("/performance?tab=3");
        await BrowserFixture.WaitForInteractiveAsync(bunga);
        await Expect(bunga.Locator("[data-testid=predikat]")).ToHaveTextAsync("Butuh Perbaikan");
        await BrowserFixture.CheckPageAsync(bunga, "77-my-evaluation-rated");
        await bunga.Locator("[data-testid=evaluation-acknowledge]").ClickAsync();
        await Expect(bunga.GetByText("Predikat diterima dan menjadi final.")).ToBeVisibleAsync();

        // Next month her flexible work is suspended: the request form says why and will not submit.
        var monday = FirstHolidayFreeMondayOfNextMonth();
        await bunga.GotoAsync("/requests/new");
        await BrowserFixture.WaitForInteractiveAsync(bunga);
        await bunga.GetByRole(AriaRole.Textbox, new() { Name = "Dari tanggal" }).FillAsync(Iso(monday));
        await bunga.GetByRole(AriaRole.Textbox, new() { Name = "Sampai tanggal" }).FillAsync(Iso(monday));
        await bunga.GetByRole(AriaRole.Textbox, new() { Name = "Sampai tanggal" }).BlurAsync();
        await bunga.GetByRole(AriaRole.Button, new() { Name = "Tambahkan", Exact = true }).ClickAsync();
        await bunga.GetByLabel("Keluaran").FillAsync("Rekap usulan kenaikan pangkat");
        await bunga.GetByLabel("Keluaran").BlurAsync();
        await Expect(bunga.GetByText(new Regex("menangguhkan kerja fleksibel Anda untuk periode berikutnya"))).ToBeVisibleAsync();
        await Expect(bunga.GetByRole(AriaRole.Button, new() { Name = "Ajukan", Exact = true })).ToBeDisabledAsync();
        await BrowserFixture.CheckPageAsync(bunga, "78-request-suspended");
    }

    private static async Task Choose(IPage page, string testId, string option)
    {
        await page.Locator($"[data-testid={testId}]").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }

    private static DateOnly FirstHolidayFreeMondayOfNextMonth()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var day = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        while (day.DayOfWeek != DayOfWeek.Monday || NationalCalendar.Days.Any(d => d.Date == day) || day <= today.AddDays(2))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
