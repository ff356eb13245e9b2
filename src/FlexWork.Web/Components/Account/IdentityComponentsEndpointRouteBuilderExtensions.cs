using FlexWork.Application.Accounts.EndSessions;
using FlexWork.Infrastructure.Identity;
using FlexWork.Web.Localization;
using FlexWork.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace FlexWork.Web.Components.Account;

internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    /// <summary>The form posts the account pages need besides the pages themselves.</summary>
    public static IEndpointConventionBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var accountGroup = endpoints.MapGroup("/Account").ExcludeFromDescription(); // form posts of the pages, not API

        accountGroup.MapPost("/Logout", async (
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromForm] string? returnUrl) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect(LocalUrl.OrRoot("/" + returnUrl?.TrimStart('/')));
        });

        // Ends every session of the account, this browser's included, then asks for a new sign-in.
        accountGroup.MapPost("/SignOutEverywhere", async (
            HttpContext context,
            [FromServices] SessionService sessions,
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromServices] IStringLocalizer<SharedResource> localizer) =>
        {
            await sessions.EndMineAsync();
            await signInManager.SignOutAsync();
            IdentityRedirectManager.AppendStatus(context, localizer["Manage.SignedOutEverywhere"]);
            return TypedResults.LocalRedirect("/Account/Login");
        }).RequireAuthorization().WithMetadata(new RequireAntiforgeryTokenAttribute());

        // Switches the UI language with a cookie; a full reload follows so the circuit picks it up.
        endpoints.MapGet("/culture", (HttpContext context, string culture, string? redirectUri) =>
        {
            if (LocalizerExtensions.SupportedCultures.Any(c => c.Name == culture))
            {
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            }

            return TypedResults.LocalRedirect(LocalUrl.OrRoot(redirectUri));
        }).ExcludeFromDescription();

        return accountGroup;
    }
}
