using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlexWork.E2E;

[Collection(BrowserCollection.Name)]
public class SignInTests(BrowserFixture browser)
{
    [Fact]
    public async Task Agency_admin_signs_in_sees_the_employee_list_and_switches_to_english()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");

        // Anonymous visitors land on the Indonesian login page.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("Account/Login"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Masuk ke FlexWork" })).ToBeVisibleAsync();
        await BrowserFixture.CheckPageAsync(page, "01-login-id");

        await BrowserFixture.SignInAsync(page, "admin@demo.go.id");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Selamat datang, Admin Kepegawaian" })).ToBeVisibleAsync();

        var rows = page.Locator("[data-testid=employee-list] tbody tr");
        await Expect(rows).ToHaveCountAsync(25);
        await BrowserFixture.CheckPageAsync(page, "02-admin-home-id");

        // Search on the server narrows the list.
        await page.GetByPlaceholder("Cari NIP, nama, atau email").FillAsync("andi pratama");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("Andi Pratama");
        await Expect(rows.First).ToContainTextAsync("Siti Rahmawati");

        // Page two of the full list.
        await page.GetByPlaceholder("Cari NIP, nama, atau email").FillAsync("");
        await Expect(rows).ToHaveCountAsync(25);
        await page.GetByRole(AriaRole.Button, new() { Name = "Halaman berikutnya" }).ClickAsync();
        await Expect(page.Locator("[data-testid=employee-list]")).ToContainTextAsync("26–");

        await page.GetByRole(AriaRole.Link, new() { Name = "EN", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Admin Kepegawaian" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Direct supervisor").First).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(rows).ToHaveCountAsync(25);
        await BrowserFixture.CheckPageAsync(page, "03-admin-home-en");

        await page.GetByRole(AriaRole.Link, new() { Name = "ID", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Selamat datang, Admin Kepegawaian" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Employee_signs_in_and_sees_their_own_supervisor()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await BrowserFixture.SignInAsync(page, "pegawai@demo.go.id");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Selamat datang, Andi Pratama" })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=profile-supervisor]")).ToContainTextAsync("Siti Rahmawati");
        await Expect(page.Locator("[data-testid=profile-unit]")).ToHaveTextAsync("Biro Sumber Daya Manusia");

        // An employee gets no employee list and no admin menu.
        await Expect(page.Locator("[data-testid=employee-list]")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Pegawai", Exact = true })).ToHaveCountAsync(0);
        // Nothing to decide and nobody to lead: no approvals, no team schedule in the menu.
        await Expect(page.Locator("[data-testid=nav-approvals]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=nav-team-schedule]")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Jadwal saya" })).ToBeVisibleAsync();
        await BrowserFixture.CheckPageAsync(page, "04-employee-home");

        // Admin pages answer "access denied", not the data.
        await page.GotoAsync("/admin/employees");
        await Expect(page.GetByText("Anda tidak berhak membuka halaman ini.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Employee_home_fits_a_phone_screen()
    {
        var page = await browser.NewPageAsync(390, 844);
        await page.GotoAsync("/Account/Login");
        await BrowserFixture.CheckPageAsync(page, "05-login-phone");
        await BrowserFixture.SignInAsync(page, "atasan@demo.go.id");

        await Expect(page.Locator("[data-testid=profile-supervisor]")).ToContainTextAsync("Hendra Gunawan");
        await Expect(page.Locator("[data-testid=employee-list] tbody tr").Filter(new() { HasText = "Andi Pratama" })).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the page scrolls sideways on a phone");
        await BrowserFixture.CheckPageAsync(page, "06-supervisor-home-phone");

        // Opened by its address (a full page load, not in-app navigation) the team page still
        // knows the supervisor from the org chart.
        await page.GotoAsync("/team");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tim saya" })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=employee-list] tbody tr").Filter(new() { HasText = "Bunga Lestari" })).ToBeVisibleAsync();
        await BrowserFixture.CheckPageAsync(page, "08-team-phone");
    }

    [Fact]
    public async Task A_wrong_password_shows_a_clear_message_and_signs_nobody_in()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync("pegawai@demo.go.id");
        await page.GetByLabel("Kata sandi").FillAsync("salah-sekali-123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Email atau kata sandi salah.");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("Account/Login"));
        await BrowserFixture.CheckPageAsync(page, "07-login-wrong-password");

        // Empty fields are caught before any sign-in attempt.
        await page.GetByLabel("Email").FillAsync("");
        await page.GetByLabel("Kata sandi").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Email wajib diisi.")).ToBeVisibleAsync();
        await Expect(page.GetByText("Kata sandi wajib diisi.")).ToBeVisibleAsync();
    }
}
