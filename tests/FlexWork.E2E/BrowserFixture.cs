using System.Net.Http.Json;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using FlexWork.Application.Accounts.InviteEmployee;
using FlexWork.Infrastructure.Identity;
using FlexWork.Infrastructure.Persistence;
using FlexWork.Tests.Shared;
using FlexWork.Web.Components.Account.Pages;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FlexWork.E2E;

/// <summary>
/// The real app listening on a free localhost port, driven by Debian's Chromium through
/// Playwright. Every page a test visits can be screenshotted and scanned with axe.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>What each page wrote to the browser console as errors, and scripts that threw.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IPage, List<string>> ConsoleErrors = [];

    private FlexWorkAppFactory _app = default!;
    private IPlaywright _playwright = default!;

    public IBrowser Browser { get; private set; } = default!;

    public Uri BaseAddress { get; private set; } = default!;

    public static string ScreenshotDirectory { get; } = Path.Combine(RepositoryRoot.Path, "TestResults", "screenshots");

    public async ValueTask InitializeAsync()
    {
        // Every test signs in from 127.0.0.1: lift the per-client login limit (tested on its own elsewhere).
        _app = await FlexWorkAppFactory.CreateAsync("e2e", new() { ["LoginRateLimit:PermitLimit"] = "1000" });
        BaseAddress = _app.WithKestrel();
        Directory.CreateDirectory(ScreenshotDirectory);

        // Generous waits: on a 2-core CI machine a circuit can take seconds to start.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("FLEXWORK_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>A fresh browser context (own cookies) at desktop size, Indonesian by default.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-US", // the app must still answer in Indonesian: the browser language does not decide
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        var errors = ConsoleErrors.GetOrCreateValue(page);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (errors)
                {
                    errors.Add($"{message.Text} ({message.Location})");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (errors)
            {
                errors.Add(error);
            }
        };
        return page;
    }

    public const string DemoPassword = "Demo#FlexWork2025";

    /// <summary>Signs in through the login page and waits until the home page is interactive.</summary>
    public static async Task SignInAsync(IPage page, string email, string password = DemoPassword)
    {
        if (!page.Url.Contains("Account/Login", StringComparison.Ordinal))
        {
            await page.GotoAsync("/Account/Login");
        }

        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Kata sandi").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();
        await WaitForInteractiveAsync(page); // only the app's layout has the marker, not the login page
    }

    /// <summary>
    /// Waits for the Blazor circuit after a full page load: until then the page shows its
    /// prerendered HTML, and clicks do nothing (for a user as for a test).
    /// </summary>
    public static Task WaitForInteractiveAsync(IPage page) =>
        page.Locator("[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>
    /// Saves a full-page screenshot and fails on serious or critical WCAG 2.1 AA violations, and on
    /// any error the page wrote to the browser console so far (a CSP refusal, a failed script).
    /// </summary>
    public static async Task CheckPageAsync(IPage page, string name)
    {
        // Let the interactive render settle (it re-renders the <head>) before judging the page.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        // Toasts fade in and out, and axe misjudges contrast mid-fade: scan once they are gone.
        await WaitUntilAsync(page, "() => document.title.length > 0 && document.querySelectorAll('.mud-snackbar').length === 0");
        // From the top: a full-page shot of a scrolled page draws the fixed app bar halfway down.
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, $"{name}.png"), FullPage = true });
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] } });
        var blocking = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}")
            .ToList();
        Assert.True(blocking.Count == 0, $"{name}: accessibility violations:\n{string.Join("\n", blocking)}");
        AssertNoConsoleErrors(page, name);
    }

    /// <summary>Fails when the page wrote an error to the browser console.</summary>
    public static void AssertNoConsoleErrors(IPage page, string name)
    {
        if (ConsoleErrors.TryGetValue(page, out var errors))
        {
            lock (errors)
            {
                Assert.True(errors.Count == 0, $"{name}: browser console errors:\n{string.Join("\n", errors)}");
            }
        }
    }

    /// <summary>An API client signed in as a demo user, to arrange what a test needs faster than through the pages.</summary>
    public async Task<HttpClient> ApiAsync(string email, CancellationToken ct)
    {
        var api = new HttpClient { BaseAddress = BaseAddress };
        var token = await (await api.PostAsJsonAsync("/api/v1/auth/token", new { email, password = DemoPassword }, ct))
            .Content.ReadFromJsonAsync<JsonElement>(ct);
        api.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("accessToken").GetString());
        return api;
    }

    /// <summary>An invitation link for a DEMO employee, issued by the DEMO admin through the application service.</summary>
    public async Task<(string Link, string Email)> InvitationAsync(string fullName)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var admin = await services.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("admin@demo.go.id");
        var principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(admin!);
        services.GetRequiredService<CurrentUser>().Set(principal, "127.0.0.1");

        var employee = await services.GetRequiredService<FlexWorkDbContext>().Employees
            .Where(e => e.FullName == fullName).Select(e => new { e.Id, e.Email }).SingleAsync();
        var invitation = await services.GetRequiredService<InvitationService>().InviteAsync(employee.Id);
        return (AcceptInvitation.LinkFor(invitation), employee.Email);
    }

    // Polls with Evaluate (runs through the DevTools protocol) rather than WaitForFunction, which
    // the app's Content-Security-Policy rightly blocks as eval.
    private static async Task WaitUntilAsync(IPage page, string predicate)
    {
        for (var i = 0; i < 80 && !await page.EvaluateAsync<bool>(predicate); i++)
        {
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await _app.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
