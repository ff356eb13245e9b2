using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlexWork.E2E;

/// <summary>
/// Presensi in Chromium: Andi checks in on a phone with the browser's (emulated) location in
/// Bogor, far from both his office and his home; Siti sees the flag on her team's day, and
/// approves the correction Andi asks for yesterday's forgotten presence.
/// </summary>
[Collection(BrowserCollection.Name)]
public class PresenceTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_employee_checks_in_with_the_location_on_a_phone_and_the_supervisor_sees_the_flag()
    {
        var phone = await browser.NewPageAsync(390, 844);
        await phone.Context.GrantPermissionsAsync(["geolocation"]);
        await phone.Context.SetGeolocationAsync(new Geolocation { Latitude = -6.5971f, Longitude = 106.8060f, Accuracy = 25 });
        await BrowserFixture.SignInAsync(phone, "pegawai@demo.go.id");
        await Expect(phone.Locator("[data-testid=presence-card][data-loaded]")).ToHaveCountAsync(1);
        await Expect(phone.Locator("[data-testid=presence-card]")).ToContainTextAsync("UU 27/2022");
        await phone.GetByLabel("Bagikan lokasi saya saat presensi").CheckAsync();
        await phone.Locator("[data-testid=presence-tap]").ClickAsync();
        await Expect(phone.Locator("[data-testid=presence-in]")).ToContainTextAsync("Di luar area");
        await Expect(phone.Locator("[data-testid=presence-tap]")).ToContainTextAsync("Presensi pulang");
        await BrowserFixture.CheckPageAsync(phone, "80-presence-checked-in-phone");

        // Yesterday was forgotten: Andi asks for a correction.
        await phone.Locator("[data-testid=presence-correct]").ClickAsync();
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(-1);
        await phone.Locator("input[data-testid=correction-date]").FillAsync(yesterday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await phone.Locator("textarea[data-testid=correction-reason]").FillAsync("Lupa presensi, seharian rapat koordinasi di Kanwil");
        await phone.Locator("textarea[data-testid=correction-reason]").BlurAsync();
        await phone.Locator("[data-testid=correction-send]").ClickAsync();
        await Expect(phone.Locator("[data-testid=presence-card]")).ToContainTextAsync("menunggu atasan");
        await BrowserFixture.CheckPageAsync(phone, "81-presence-correction-asked-phone");

        var desk = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(desk, "atasan@demo.go.id");
        await desk.Locator("[data-testid=nav-team-presence]").ClickAsync();
        await Expect(desk.Locator("[data-testid=team-presence][data-loaded]")).ToHaveCountAsync(1);
        var andi = desk.Locator("[data-testid=team-presence-table] tr", new() { HasText = "Andi Pratama" });
        await Expect(andi).ToContainTextAsync("Di luar area");
        await Expect(andi.Locator(".mud-icon-root[aria-label]")).ToHaveCountAsync(1); // the flag
        await Expect(desk.Locator("[data-testid=team-presence-flagged]")).ToBeVisibleAsync();
        var correction = desk.Locator("[data-testid=team-correction]", new() { HasText = "Andi Pratama" });
        await Expect(correction).ToContainTextAsync("rapat koordinasi");
        await BrowserFixture.CheckPageAsync(desk, "82-team-presence");
        await correction.Locator("[data-testid=correction-approve]").ClickAsync();
        await Expect(desk.GetByText("Koreksi presensi Andi Pratama disetujui.")).ToBeVisibleAsync();
        await Expect(desk.Locator("[data-testid=team-correction]", new() { HasText = "Andi Pratama" })).ToHaveCountAsync(0);
    }
}

/// <summary>The API reference integrators open: no sign-in, the document's operations, nothing refused by the page's security policy.</summary>
[Collection(BrowserCollection.Name)]
public class ApiReferenceTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_api_reference_opens_without_signing_in_and_lists_the_integration_routes()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/scalar/v1");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "FlexWork API" }).First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "83-api-reference.png") });
        await Expect(page.GetByText("Integrations", new() { Exact = true }).First).ToBeVisibleAsync(); // the machines' tag in the sidebar
        BrowserFixture.AssertNoConsoleErrors(page, "83-api-reference");
    }
}

/// <summary>An agency admin connects an attendance machine: the secret is shown once, the demo's reader is listed, a client is revoked.</summary>
[Collection(BrowserCollection.Name)]
public class IntegrationClientPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_admin_creates_a_machine_client_sees_its_secret_once_and_revokes_it()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "admin@demo.go.id");
        await page.GotoAsync("/admin/integrations");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=integration-list]")).ToContainTextAsync("Mesin sidik jari lobi Gedung A");
        await page.Locator("input[data-testid=integration-name]").FillAsync("Mesin wajah Kanwil Sulawesi Selatan");
        await page.Locator("[data-testid=integration-create]").ClickAsync();
        await Expect(page.Locator("[data-testid=integration-secret-value]")).ToContainTextAsync("fws_");
        await BrowserFixture.CheckPageAsync(page, "84-integration-clients");

        var row = page.Locator("[data-testid=integration-list] tr", new() { HasText = "Mesin wajah Kanwil Sulawesi Selatan" });
        await row.GetByRole(AriaRole.Button, new() { Name = "Cabut" }).ClickAsync();
        await Expect(row).ToContainTextAsync("Dicabut");
        await page.ReloadAsync();
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=integration-secret]")).ToHaveCountAsync(0); // never shown again
    }
}
