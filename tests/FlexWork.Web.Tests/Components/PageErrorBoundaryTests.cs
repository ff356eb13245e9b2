using Bunit;
using FlexWork.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace FlexWork.Web.Tests.Components;

public sealed class PageErrorBoundaryTests : BunitContext
{
    public PageErrorBoundaryTests()
    {
        Services.AddLocalization();
        Services.AddMudServices();
        Services.AddLogging();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void A_page_that_fails_because_the_database_is_away_shows_a_message_and_a_retry_in_place_of_the_page()
    {
        using var _ = new CultureScope("id-ID");
        Failing.Fail = new InvalidOperationException("wrapped", new Npgsql.NpgsqlException("connection refused", new System.Net.Sockets.SocketException(111)));
        var boundary = Render<PageErrorBoundary>(p => p.AddChildContent<Failing>());

        var message = boundary.Find("[data-testid=page-error]");
        Assert.Contains("tidak terhubung ke basis data", message.TextContent, StringComparison.Ordinal);
        Assert.Contains("Tidak ada yang diubah", message.TextContent, StringComparison.Ordinal);

        // Back again: "Coba lagi" renders the page anew.
        Failing.Fail = null;
        boundary.Find("[data-testid=page-error] button").Click();
        Assert.Equal("isi halaman", boundary.Find("[data-testid=page]").TextContent);
    }

    [Fact]
    public void Any_other_failure_shows_the_general_message()
    {
        using var _ = new CultureScope("en-US");
        Failing.Fail = new InvalidOperationException("bug");
        var boundary = Render<PageErrorBoundary>(p => p.AddChildContent<Failing>());
        Assert.DoesNotContain("database", boundary.Find("[data-testid=page-error]").TextContent, StringComparison.OrdinalIgnoreCase);
        Failing.Fail = null;
    }

    /// <summary>A page that throws while rendering as long as <see cref="Fail"/> is set.</summary>
    private sealed class Failing : ComponentBase
    {
        public static Exception? Fail { get; set; }

        protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder)
        {
            if (Fail is { } exception)
            {
                throw exception;
            }

            builder.OpenElement(0, "p");
            builder.AddAttribute(1, "data-testid", "page");
            builder.AddContent(2, "isi halaman");
            builder.CloseElement();
        }
    }
}
