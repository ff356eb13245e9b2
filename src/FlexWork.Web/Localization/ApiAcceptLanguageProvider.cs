using Microsoft.AspNetCore.Localization;

namespace FlexWork.Web.Localization;

/// <summary>Honours Accept-Language for <c>/api</c> calls only; pages stay Indonesian until switched.</summary>
internal sealed class ApiAcceptLanguageProvider : AcceptLanguageHeaderRequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
        httpContext.Request.Path.StartsWithSegments("/api")
            ? base.DetermineProviderCultureResult(httpContext)
            : NullProviderCultureResult;
}
