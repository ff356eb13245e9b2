using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Primitives;

namespace FlexWork.Web.Localization;

/// <summary>Honours Accept-Language for <c>/api</c> calls only; pages stay Indonesian until switched.</summary>
internal sealed class ApiAcceptLanguageProvider : AcceptLanguageHeaderRequestCultureProvider
{
    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        if (!httpContext.Request.Path.StartsWithSegments("/api") || await base.DetermineProviderCultureResult(httpContext) is not { } asked)
        {
            return null;
        }

        // A bare language ("en") asks for English as much as "en-US" does: serve the culture we have for it.
        return new ProviderCultureResult([.. asked.Cultures.Select(Served)], [.. asked.UICultures.Select(Served)]);
    }

    private static StringSegment Served(StringSegment culture) =>
        LocalizerExtensions.SupportedCultures.FirstOrDefault(c => c.TwoLetterISOLanguageName.Equals(culture.Value, StringComparison.OrdinalIgnoreCase))?.Name ?? culture;
}
