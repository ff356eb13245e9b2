using FlexWork.Application.Presence;
using FlexWork.Domain.Presence;
using FlexWork.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace FlexWork.Web.Components.Presence;

public sealed partial class PresenceCard : IAsyncDisposable
{
    [Inject]
    private PresenceService Presence { get; set; } = default!;

    [Inject]
    private PresenceLedgerService Ledgers { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    private PresenceToday? _today;
    private IReadOnlyList<CorrectionView> _corrections = [];
    private PresenceLedger? _ledger;
    private IJSObjectReference? _module;
    private bool _consent, _busy, _correcting;
    private string? _notice, _error;

    /// <summary>What the browser answers: a position, or the reason it gave none.</summary>
    private sealed record BrowserPosition(double? Latitude, double? Longitude, double? AccuracyMeters, int? Error);

    protected override async Task OnInitializedAsync()
    {
        _today = await Presence.TodayAsync();
        _corrections = await Presence.MyCorrectionsAsync();
        _ledger = await Ledgers.MineAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Presence/PresenceCard.razor.js");
            _consent = await _module.InvokeAsync<bool>("consent");
            StateHasChanged();
        }
    }

    private async Task ConsentChangedAsync(bool given)
    {
        _consent = given;
        if (_module is not null)
        {
            await _module.InvokeVoidAsync("setConsent", given);
        }
    }

    /// <summary>One tap: the position once (only with consent), then the check-in or check-out.</summary>
    private async Task TapAsync()
    {
        (_busy, _notice, _error) = (true, null, null);
        try
        {
            var input = new PresenceInput();
            if (_consent && _module is not null)
            {
                var position = await _module.InvokeAsync<BrowserPosition>("position", 15_000);
                if (position.Error is { } code)
                {
                    _notice = L[code == 1 ? "Presence.LocationDenied" : "Presence.LocationUnavailable"];
                }
                else
                {
                    input = new PresenceInput(position.Latitude, position.Longitude, position.AccuracyMeters);
                }
            }

            _today = _today?.CheckIn is null ? await Presence.CheckInAsync(input) : await Presence.CheckOutAsync(input);
            _ledger = await Ledgers.MineAsync();
        }
        catch (Exception ex) when (L.Problem(ex) is { } problem)
        {
            _error = problem;
            _today = await Presence.TodayAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task CorrectionSentAsync()
    {
        _correcting = false;
        _corrections = await Presence.MyCorrectionsAsync();
    }

    private static string Hours(PresenceToday today) =>
        today.CheckOut is { } checkOut && today.CheckIn is { } checkIn ? (checkOut.At - checkIn.At).ToString(@"h\:mm", System.Globalization.CultureInfo.InvariantCulture) : "";

    private static Color CorrectionColor(CorrectionStatus status) => status switch
    {
        CorrectionStatus.Approved => Color.Success,
        CorrectionStatus.Rejected => Color.Error,
        _ => Color.Info,
    };

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone with the page: nothing left to release.
            }
        }
    }
}
