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
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.GetByLabel("Oleh").FillAsync("nobody@demo.go.id");
        await page.GetByLabel("Oleh").PressAsync("Tab"); // the field binds on change
        await page.GetByRole(AriaRole.Button, new() { Name = "Terapkan filter" }).ClickAsync();
        await Expect(page.GetByText("Tidak ada catatan yang cocok.")).ToBeVisibleAsync();
        await BrowserFixture.CheckPageAsync(page, "40-audit");

        var export = await page.GetByRole(AriaRole.Link, new() { Name = "Ekspor CSV" }).GetAttributeAsync("href");
        Assert.Contains("who=nobody%40demo.go.id", export, StringComparison.Ordinal);

        // The unfiltered export, with the admin's own cookie: a CSV file a spreadsheet opens.
        var file = await page.Context.APIRequest.GetAsync(new Uri(new Uri(page.Url), "/admin/audit/export.csv").ToString());
        Assert.Equal(200, file.Status);
        Assert.StartsWith("text/csv", file.Headers["content-type"], StringComparison.Ordinal);
        Assert.Contains("flexwork-audit-", file.Headers["content-disposition"], StringComparison.Ordinal);
        var body = await file.BodyAsync();
        Assert.Equal(System.Text.Encoding.UTF8.GetPreamble(), body[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(body[3..]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("waktu_utc,pengguna,entitas,id_entitas,tindakan,perubahan,alamat_ip", lines[0]);
        Assert.True(lines.Length > 10, "the seed's changes are in the log");
    }

    [Fact]
    public async Task Admin_pages_refuse_other_roles_and_other_agencies()
    {
        var employee = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(employee, "pegawai@demo.go.id");
        foreach (var path in new[] { "/admin/employees", "/admin/employees/new", "/admin/import", "/admin/units", "/admin/positions", "/admin/audit", "/admin/policy", "/admin/policy/versions", "/admin/locations", "/admin/calendar", "/platform/agencies" })
        {
            await employee.GotoAsync(path);
            await Expect(employee.GetByText("Anda tidak berhak membuka halaman ini.")).ToBeVisibleAsync();
        }

        // A DEMO2 admin opening a DEMO employee's page by its address sees nothing of it.
        const string demoEmail = "pegawai@demo.go.id";
        var demoAdmin = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(demoAdmin, "admin@demo.go.id");
        await demoAdmin.GotoAsync("/admin/employees");
        await demoAdmin.GetByPlaceholder("Cari NIP, nama, atau email").FillAsync(demoEmail);
        await demoAdmin.GetByRole(AriaRole.Link, new() { Name = "Andi Pratama" }).ClickAsync();
        await Expect(demoAdmin.Locator("h1")).ToHaveTextAsync("Ubah data Andi Pratama");
        var demoEmployeePath = new Uri(demoAdmin.Url).AbsolutePath;

        var otherAdmin = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(otherAdmin, "admin@demo2.go.id");
        await otherAdmin.GotoAsync(demoEmployeePath);
        await Expect(otherAdmin.GetByRole(AriaRole.Heading, new() { Name = "Halaman tidak ditemukan" })).ToBeVisibleAsync();
        await Expect(otherAdmin.GetByText("Andi Pratama")).ToHaveCountAsync(0);
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
