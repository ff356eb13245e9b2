using Microsoft.Extensions.Localization;
using MudBlazor;

namespace FlexWork.Web.Localization;

/// <summary>
/// MudBlazor's own texts (pager, clear buttons, loading) from our resources under <c>Mud.*</c>,
/// so screen readers hear Indonesian too; MudBlazor's English is the fallback.
/// </summary>
internal sealed class FlexWorkMudLocalizer(IStringLocalizer<SharedResource> localizer) : MudLocalizer
{
    public override LocalizedString this[string key] => Translate(key, []);

    public override LocalizedString this[string key, params object[] arguments] => Translate(key, arguments);

    private LocalizedString Translate(string key, object[] arguments)
    {
        var translated = localizer[$"Mud.{key}", arguments];
        return translated.ResourceNotFound ? new LocalizedString(key, key, resourceNotFound: true) : translated;
    }
}
