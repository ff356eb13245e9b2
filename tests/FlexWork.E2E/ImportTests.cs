using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlexWork.E2E;

[Collection(BrowserCollection.Name)]
public class ImportTests(BrowserFixture browser)
{
    private const string Header = "nip,nama,email,unit,jabatan,nip_atasan,jenis_kepegawaian,tmt_jabatan";

    [Fact]
    public async Task Admin_previews_a_file_sees_the_bad_row_fixes_it_applies_with_invitations_and_the_new_person_signs_in()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "admin@demo.go.id");

        await page.GetByRole(AriaRole.Link, new() { Name = "Impor data" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Impor data" })).ToBeVisibleAsync();
        await BrowserFixture.CheckPageAsync(page, "20-import");

        var bad = $"{Header}\n" +
                  "198112122006041031,Rahmat Hidayat,rahmat.hidayat@demo.go.id,Biro Sumber Daya Manusia,Arsiparis,,PNS,2024-02-01\n" +
                  "198212122007041032,Wening Astuti,wening.astuti@demo.go.id,Biro Entah Berantah,Arsiparis,198112122006041031,PNS,2024-02-01\n";
        await UploadAsync(page, bad);

        var errors = page.Locator("[data-testid=import-errors] tbody tr");
        await Expect(errors).ToHaveCountAsync(1);
        await Expect(errors.First).ToContainTextAsync("3");
        await Expect(errors.First).ToContainTextAsync("unit \"Biro Entah Berantah\" tidak dikenal.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Simpan perubahan" })).ToBeDisabledAsync();
        await BrowserFixture.CheckPageAsync(page, "21-import-errors");

        await UploadAsync(page, bad.Replace("Biro Entah Berantah", "Biro Sumber Daya Manusia", StringComparison.Ordinal));
        await Expect(page.Locator("[data-testid=import-report]")).ToContainTextAsync("2 baru");
        await page.GetByLabel("Buat tautan undangan untuk 2 pegawai baru", new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan perubahan" }).ClickAsync();
        await Expect(page.Locator("[data-testid=import-report]")).ToContainTextAsync("Impor selesai dan tersimpan");
        var links = page.Locator("[data-testid=import-invitations] tbody tr");
        await Expect(links).ToHaveCountAsync(2);
        await BrowserFixture.CheckPageAsync(page, "22-import-applied");
        var link = await links.Filter(new() { HasText = "wening.astuti@demo.go.id" }).Locator("[data-testid=invitation-link]").InnerTextAsync();

        var wening = await browser.NewPageAsync();
        await wening.GotoAsync(link);
        await wening.GetByLabel("Kata sandi baru").FillAsync("Wening#Astuti2026");
        await wening.GetByLabel("Ulangi kata sandi").FillAsync("Wening#Astuti2026");
        await wening.GetByRole(AriaRole.Button, new() { Name = "Simpan kata sandi" }).ClickAsync();
        await wening.GetByLabel("Email").FillAsync("wening.astuti@demo.go.id");
        await wening.GetByLabel("Kata sandi").FillAsync("Wening#Astuti2026");
        await wening.GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();
        await Expect(wening.Locator("h1")).ToHaveTextAsync("Selamat datang, Wening Astuti");

        await page.GetByRole(AriaRole.Link, new() { Name = "Pegawai", Exact = true }).ClickAsync();
        await page.GetByPlaceholder("Cari NIP, nama, atau email").FillAsync("wening");
        var rows = page.Locator("[data-testid=employee-list] tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("Rahmat Hidayat"); // her supervisor, from the same file
    }

    [Fact]
    public async Task Admin_imports_units_then_positions_and_sees_them_on_their_screens()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "admin@demo.go.id");
        await page.GotoAsync("/admin/import");
        await BrowserFixture.WaitForInteractiveAsync(page);

        await page.GetByRole(AriaRole.Radio, new() { Name = "Unit organisasi" }).CheckAsync();
        await UploadAsync(page, "nama,induk,zona_waktu\nBagian Impor Arsip,Biro Umum dan Layanan Publik,\nSubbagian Impor Digital,Bagian Impor Arsip,\n");
        await Expect(page.Locator("[data-testid=import-report]")).ToContainTextAsync("2 baru");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan perubahan" }).ClickAsync();
        await Expect(page.Locator("[data-testid=import-report]")).ToContainTextAsync("Impor selesai dan tersimpan");

        await page.GetByRole(AriaRole.Radio, new() { Name = "Jabatan" }).CheckAsync();
        await UploadAsync(page, "nama,jenis,luar_kantor,tanpa_ruang_khusus,dengan_tik,sedikit_tatap_muka,tanpa_pengawasan_terus\nArsiparis Digital Impor,Fungsional,Ya,Ya,Ya,Ya,Ya\n");
        await Expect(page.Locator("[data-testid=import-report]")).ToContainTextAsync("1 baru");
        await BrowserFixture.CheckPageAsync(page, "23-import-positions");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan perubahan" }).ClickAsync();
        await Expect(page.Locator("[data-testid=import-report]")).ToContainTextAsync("Impor selesai dan tersimpan");

        await page.GotoAsync("/admin/units");
        await Expect(page.GetByText("Subbagian Impor Digital")).ToBeVisibleAsync();
        await page.GotoAsync("/admin/positions");
        await Expect(page.GetByText("Arsiparis Digital Impor")).ToBeVisibleAsync();
    }

    private static async Task UploadAsync(IPage page, string csv)
    {
        var chooser = await page.RunAndWaitForFileChooserAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Pilih berkas CSV" }).ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = "pegawai.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
    }
}
