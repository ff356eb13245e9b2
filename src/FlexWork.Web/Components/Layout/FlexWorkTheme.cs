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
            Success = "#1E6B34",
            Info = "#01579B",
            Warning = "#8A4B00",
            Error = "#B3261E",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Roboto", "Segoe UI", "Helvetica", "Arial", "sans-serif"] },
        },
    };
}
