using MudBlazor;

namespace FlexWork.Web.Components.Layout;

internal static class FlexWorkTheme
{
    // Colours chosen for WCAG AA contrast with white text.
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0B5394",
            Secondary = "#8A4B00",
            AppbarBackground = "#0B5394",
            Background = "#F5F7FA",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Roboto", "Segoe UI", "Helvetica", "Arial", "sans-serif"] },
        },
    };
}
