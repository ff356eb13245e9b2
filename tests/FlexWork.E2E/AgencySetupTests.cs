using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlexWork.E2E;

[Collection(BrowserCollection.Name)]
public class AgencySetupTests(BrowserFixture browser)
{
    [Fact]
    public async Task Admin_creates_a_unit_a_position_and_an_employee_who_accepts_the_invitation_and_signs_in()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "admin@demo.go.id");

        // A unit.
        await page.GetByRole(AriaRole.Link, new() { Name = "Unit organisasi" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tambah unit" }).ClickAsync();
        await Expect(page.GetByLabel("Nama unit")).ToBeVisibleAsync();
        await page.GetByLabel("Nama unit").FillAsync("Bagian Protokol");
        await page.GetByLabel("Lintang").FillAsync("-6,2297"); // the Indonesian decimal comma
        await page.GetByLabel("Bujur").FillAsync("106,827");
        await page.GetByLabel("Radius").FillAsync("120");
        await BrowserFixture.CheckPageAsync(page, "30a-unit-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        await Expect(page.Locator("[data-testid=unit-list]")).ToContainTextAsync("Bagian Protokol");
        await Expect(page.Locator("[data-testid=unit-list] tr").Filter(new() { HasText = "Bagian Protokol" })).ToContainTextAsync("-6.2297, 106.827 · 120 m");
        await BrowserFixture.CheckPageAsync(page, "30-units");

        // A position whose duties meet all five criteria.
        await page.GetByRole(AriaRole.Link, new() { Name = "Jabatan" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tambah jabatan" }).ClickAsync();
        await Expect(page.GetByLabel("Nama jabatan")).ToBeVisibleAsync();
        await page.GetByLabel("Nama jabatan").FillAsync("Analis Protokol");
        foreach (var criterion in new[]
                 {
                     "Tugas dapat dikerjakan di luar kantor", "Tidak memerlukan ruang kerja atau peralatan khusus",
                     "Dapat dikerjakan dengan teknologi informasi dan komunikasi", "Sedikit memerlukan tatap muka",
                     "Tidak memerlukan pengawasan terus-menerus",
                 })
        {
            await page.GetByLabel(criterion).CheckAsync();
        }

        await Expect(page.GetByText("Kelima kriteria terpenuhi")).ToBeVisibleAsync();
        await BrowserFixture.CheckPageAsync(page, "31-position-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        var row = page.Locator("[data-testid=position-list] tbody tr").Filter(new() { HasText = "Analis Protokol" });
        await Expect(row).ToContainTextAsync("Layak");

        // An employee in them.
        await page.GetByRole(AriaRole.Link, new() { Name = "Pegawai", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Tambah pegawai" }).ClickAsync();
        await page.GetByLabel("NIP").FillAsync("abc");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        await Expect(page.GetByText("tidak valid: harus 18 angka")).ToBeVisibleAsync();
        await Expect(page.GetByText("Nama wajib diisi.")).ToBeVisibleAsync();
        await BrowserFixture.CheckPageAsync(page, "32-employee-form-errors");

        await page.GetByLabel("NIP").FillAsync("199104042019042051");
        await page.GetByLabel("Nama", new() { Exact = true }).FillAsync("Dimas Anggara");
        await page.GetByLabel("Email").FillAsync("dimas.anggara@demo.go.id");
        await ChooseAsync(page, "Unit kerja", "Bagian Protokol");
        await ChooseAsync(page, "Jabatan", "Analis Protokol");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Ubah data Dimas Anggara");

        await page.GetByRole(AriaRole.Button, new() { Name = "Buat tautan undangan" }).ClickAsync();
        var link = await page.GetByLabel("Tautan", new() { Exact = true }).InputValueAsync();
        Assert.Contains("/Account/AcceptInvitation?userId=", link, StringComparison.Ordinal);
        await BrowserFixture.CheckPageAsync(page, "33-employee-invitation");

        // The employee, in a browser of their own.
        var newcomer = await browser.NewPageAsync();
        await newcomer.GotoAsync(link);
        await newcomer.GetByLabel("Kata sandi baru").FillAsync("Dimas#Protokol2026");
        await newcomer.GetByLabel("Ulangi kata sandi").FillAsync("Dimas#Protokol2026");
        await newcomer.GetByRole(AriaRole.Button, new() { Name = "Simpan kata sandi" }).ClickAsync();
        await newcomer.GetByLabel("Email").FillAsync("dimas.anggara@demo.go.id");
        await newcomer.GetByLabel("Kata sandi").FillAsync("Dimas#Protokol2026");
        await newcomer.GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();
        await Expect(newcomer.Locator("h1")).ToHaveTextAsync("Selamat datang, Dimas Anggara");
        await Expect(newcomer.Locator("[data-testid=profile-unit]")).ToHaveTextAsync("Bagian Protokol");
    }

    private static async Task ChooseAsync(IPage page, string label, string option)
    {
        await page.GetByLabel(label, new() { Exact = true }).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = option }).ClickAsync();
    }
}
