using System.Globalization;
using FlexWork.Application.Performance;
using FlexWork.Domain.Common;
using FlexWork.Domain.Performance;
using FlexWork.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace FlexWork.Web.Components.Pages.Performance;

/// <summary>
/// The work report of one day, written on a phone as often as at a desk: one line per thing done,
/// starting from the day's work plan, each with its output, the agreed target it counts towards
/// and the quantity realised.
/// </summary>
public partial class ReportPage
{
    [Inject]
    private WorkReportService Reports { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Parameter]
    public string Date { get; set; } = "";

    private sealed class Line
    {
        public string? Activity { get; set; }

        public string? Output { get; set; }

        public decimal? Quantity { get; set; }

        public Guid? TargetId { get; set; }
    }

    /// <summary>A little over the 5 MB limit, so that the service (not the browser stream) says what is wrong.</summary>
    private const long MaxUploadBytes = EvidenceFile.MaxBytes + 1;

    private ReportForm? _form;
    private List<Line> _lines = [];
    private string? _error;
    private bool _busy;

    protected override async Task OnParametersSetAsync()
    {
        if (!DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            _error = L["Report.DateInvalid"];
            return;
        }

        try
        {
            _form = await Reports.FormAsync(date);
            _lines = _form.Day.Report is { } report
                ? [.. report.Items.Select(i => new Line { Activity = i.Activity, Output = i.Output, Quantity = i.Quantity, TargetId = i.TargetId })]
                : [.. _form.Plan.Select(p => new Line { Output = p.Output, TargetId = p.TargetId })];
            if (_lines.Count == 0)
            {
                AddLine();
            }
        }
        catch (Exception ex) when (L.Problem(ex) is { } problem)
        {
            _error = problem;
        }
    }

    private bool EvidenceFull => _form?.Day.Report?.Evidence.Count >= _form?.MaxEvidenceFiles;

    private void AddLine() => _lines.Add(new Line());

    private List<ReportItem> Items() => [.. _lines.Select(l => new ReportItem(l.Activity ?? "", l.Output, l.Quantity, l.TargetId))];

    private string UnitLabel(Line line) =>
        _form?.Targets.FirstOrDefault(t => t.Id == line.TargetId)?.Content.Unit is { } unit ? L["Report.QuantityOf", unit] : L["Report.Quantity"];

    private async Task SaveAsync()
    {
        _busy = true;
        _error = null;
        try
        {
            var saved = await Reports.WriteAsync(_form!.Day.Date, Items(), _form.Day.Report?.Version);
            Snackbar.Add(L[saved.Status == ReportStatus.Late ? "Report.SavedLate" : "Report.Saved"], saved.Status == ReportStatus.Late ? Severity.Warning : Severity.Success);
            Navigation.NavigateTo("performance?tab=1");
        }
        catch (Exception ex) when (L.Problem(ex) is { } problem)
        {
            _error = problem;
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>
    /// Evidence belongs to a written report: the first upload sends the report as it stands. The
    /// lines on the screen stay as typed, so a correction not saved yet is not lost.
    /// </summary>
    private async Task UploadAsync(IBrowserFile? file)
    {
        if (file is null)
        {
            return;
        }

        await ChangeEvidenceAsync(async () =>
        {
            var report = _form!.Day.Report ?? await Reports.WriteAsync(_form.Day.Date, Items(), version: null);
            await using var stream = file.OpenReadStream(MaxUploadBytes);
            await Reports.AttachEvidenceAsync(report.Id, report.Version, file.Name, stream);
            return L["Report.EvidenceAttached"];
        });
    }

    private Task RemoveEvidenceAsync(Guid evidenceId) => ChangeEvidenceAsync(async () =>
    {
        await Reports.RemoveEvidenceAsync(_form!.Day.Report!.Id, evidenceId, _form.Day.Report.Version);
        return L["Report.EvidenceRemoved"];
    });

    /// <summary>Runs an evidence change, then reads the report as it now is, also when the change failed after the report was sent.</summary>
    private async Task ChangeEvidenceAsync(Func<Task<string>> change)
    {
        _busy = true;
        _error = null;
        try
        {
            Snackbar.Add(await change(), Severity.Success);
        }
        catch (IOException)
        {
            _error = L["Error.EVIDENCE_TOO_LARGE", EvidenceFile.MaxMegabytes];
        }
        catch (Exception ex) when (L.Problem(ex) is { } problem)
        {
            _error = problem;
        }

        try
        {
            _form = await Reports.FormAsync(_form!.Day.Date);
        }
        catch (Exception ex) when (L.Problem(ex) is { } problem)
        {
            _error ??= problem;
        }
        finally
        {
            _busy = false;
        }
    }
}
