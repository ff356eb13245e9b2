using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using FlexWork.Tests.Shared;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlexWork.E2E;

[Collection(BrowserCollection.Name)]
public partial class AccountTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_invited_employee_sets_a_password_once_and_signs_in()
    {
        var (link, email) = await browser.InvitationAsync("Yohanes Manurung");
        var page = await browser.NewPageAsync();
        await page.GotoAsync(link);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Aktifkan akun" })).ToBeVisibleAsync();
        await BrowserFixture.CheckPageAsync(page, "10-invitation");

        // Too short and mismatched: explained on the form, nothing stored.
        await page.GetByLabel("Kata sandi baru").FillAsync("pendek");
        await page.GetByLabel("Ulangi kata sandi").FillAsync("lain");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan kata sandi" }).ClickAsync();
        await Expect(page.GetByText("Kata sandi minimal 12 karakter.")).ToBeVisibleAsync();
        await Expect(page.GetByText("Konfirmasi kata sandi tidak sama.")).ToBeVisibleAsync();
        await BrowserFixture.CheckPageAsync(page, "11-invitation-errors");

        await page.GetByLabel("Kata sandi baru").FillAsync("Yohanes#Baru2026");
        await page.GetByLabel("Ulangi kata sandi").FillAsync("Yohanes#Baru2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan kata sandi" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(LoginUrl());
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Kata sandi tersimpan. Silakan masuk.");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Kata sandi").FillAsync("Yohanes#Baru2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Selamat datang, Yohanes Manurung");

        // The link works once.
        var again = await browser.NewPageAsync();
        await again.GotoAsync(link);
        await again.GetByLabel("Kata sandi baru").FillAsync("Yohanes#Lagi20266");
        await again.GetByLabel("Ulangi kata sandi").FillAsync("Yohanes#Lagi20266");
        await again.GetByRole(AriaRole.Button, new() { Name = "Simpan kata sandi" }).ClickAsync();
        await Expect(again.GetByRole(AriaRole.Alert)).ToContainTextAsync("sudah dipakai");
    }

    [Fact]
    public async Task A_unit_head_turns_on_two_factor_sign_in_with_an_authenticator_app()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "kepala@demo.go.id");

        await page.GetByRole(AriaRole.Link, new() { Name = "Akun saya" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pengaturan akun" })).ToBeVisibleAsync();
        await BrowserFixture.CheckPageAsync(page, "12-account");

        await page.GetByRole(AriaRole.Link, new() { Name = "Autentikasi dua faktor" }).ClickAsync();
        await BrowserFixture.CheckPageAsync(page, "13-two-factor");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tambahkan aplikasi autentikator" }).ClickAsync();
        await BrowserFixture.CheckPageAsync(page, "14-enable-authenticator");

        var key = await page.Locator("[data-testid=authenticator-key]").InnerTextAsync();
        var now = DateTimeOffset.UtcNow;
        var setupCode = Totp.Code(key, now);
        await page.GetByLabel("Kode autentikator").FillAsync(setupCode);
        await page.GetByRole(AriaRole.Button, new() { Name = "Verifikasi" }).ClickAsync();
        await Expect(page.GetByText("Kode pemulihan").First).ToBeVisibleAsync();
        await BrowserFixture.CheckPageAsync(page, "15-recovery-codes");

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Keluar" }).ClickAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync("kepala@demo.go.id");
        await page.GetByLabel("Kata sandi").FillAsync("Demo#FlexWork2025");
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("Account/LoginWith2fa"));
        await BrowserFixture.CheckPageAsync(page, "16-login-two-factor");
        await page.GetByLabel("Kode autentikator").FillAsync("000000" == setupCode ? "111111" : "000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();

        // A fresh code from the next time step, as the phone would show a moment later.
        await page.GetByLabel("Kode autentikator").FillAsync(Totp.Code(key, now.AddSeconds(30)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Selamat datang, Hendra Gunawan");
    }

    [Fact]
    public async Task People_sign_themselves_out_everywhere_and_an_admin_does_it_for_an_employee()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "pegawai@demo2.go.id");
        await page.GotoAsync("/Account/Manage");
        await page.GetByTestId("sign-out-everywhere").ClickAsync();

        await Expect(page).ToHaveURLAsync(LoginUrl());
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("dikeluarkan dari semua perangkat");
        await BrowserFixture.CheckPageAsync(page, "12b-signed-out-everywhere");

        var api = await browser.ApiAsync("admin@demo2.go.id", TestContext.Current.CancellationToken);
        var id = (await api.GetFromJsonAsync<JsonElement>("/api/v1/employees?search=pegawai%40demo2", TestContext.Current.CancellationToken))
            .GetProperty("items")[0].GetProperty("id").GetGuid();
        var admin = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(admin, "admin@demo2.go.id");
        await admin.GotoAsync($"/admin/employees/{id}");
        await BrowserFixture.WaitForInteractiveAsync(admin);
        await admin.GetByTestId("end-sessions").ClickAsync();
        await Expect(admin.GetByText("harus masuk lagi di setiap perangkat")).ToBeVisibleAsync();
    }

    [GeneratedRegex("Account/Login")]
    private static partial Regex LoginUrl();
}
