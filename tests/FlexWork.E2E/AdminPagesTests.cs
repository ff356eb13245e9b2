using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlexWork.E2E;

[Collection(BrowserCollection.Name)]
public class AdminPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task Agency_admin_filters_the_audit_log_to_their_own_changes()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "admin@demo.go.id");
        await page.GetByRole(AriaRole.Link, new() { Name = "Log audit" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Log audit" })).ToBeVisibleAsync();

        // The seed wrote the agency's rows as the system; an account change is recorded too.
        var rows = page.Locator("[data-testid=audit-list] tbody tr");
        await Expect(rows.First).ToBeVisibleAsync();
        await page.GetByLabel("Oleh").FillAsync("nobody@demo.go.id");
        await page.GetByRole(AriaRole.Button, new() { Name = "Terapkan filter" }).ClickAsync();
        await Expect(page.GetByText("Tidak ada catatan yang cocok.")).ToBeVisibleAsync();
        await BrowserFixture.CheckPageAsync(page, "40-audit");

        var export = await page.GetByRole(AriaRole.Link, new() { Name = "Ekspor CSV" }).GetAttributeAsync("href");
        Assert.Contains("who=nobody%40demo.go.id", export, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Platform_admin_opens_an_agency_and_gets_its_admins_invitation_link()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "platform@flexwork.local");
        await page.GetByRole(AriaRole.Link, new() { Name = "Instansi" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tambah instansi" }).ClickAsync();
        await page.GetByLabel("Kode").FillAsync("PEMKAB-UJI");
        await page.GetByLabel("Nama instansi").FillAsync("Pemerintah Kabupaten Uji");
        await page.GetByLabel("Email admin instansi pertama").FillAsync("admin@pemkab-uji.go.id");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();

        await Expect(page.GetByText("Instansi dibuat.")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=agency-list]")).ToContainTextAsync("PEMKAB-UJI");
        Assert.Contains("/Account/AcceptInvitation?userId=", await page.GetByLabel("Tautan", new() { Exact = true }).InputValueAsync(), StringComparison.Ordinal);
        await BrowserFixture.CheckPageAsync(page, "41-platform-agencies");
    }
}
