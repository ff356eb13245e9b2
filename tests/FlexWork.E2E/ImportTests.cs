using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlexWork.E2E;

[Collection(BrowserCollection.Name)]
public class ImportTests(BrowserFixture browser)
{
    private const string Header = "nip,nama,email,unit,jabatan,nip_atasan,jenis_kepegawaian,tmt_jabatan";

    [Fact]
    public async Task Admin_previews_a_file_sees_the_bad_row_fixes_it_applies_and_finds_the_new_people()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "admin@demo.go.id");

        await page.GetByRole(AriaRole.Link, new() { Name = "Impor pegawai" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Impor pegawai" })).ToBeVisibleAsync();
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
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan perubahan" }).ClickAsync();
        await Expect(page.Locator("[data-testid=import-report]")).ToContainTextAsync("Impor selesai dan tersimpan");
        await BrowserFixture.CheckPageAsync(page, "22-import-applied");

        await page.GetByRole(AriaRole.Link, new() { Name = "Pegawai", Exact = true }).ClickAsync();
        await page.GetByPlaceholder("Cari NIP, nama, atau email").FillAsync("wening");
        var rows = page.Locator("[data-testid=employee-list] tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("Rahmat Hidayat"); // her supervisor, from the same file
    }

    private static async Task UploadAsync(IPage page, string csv)
    {
        var chooser = await page.RunAndWaitForFileChooserAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Pilih berkas CSV" }).ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = "pegawai.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
    }
}
