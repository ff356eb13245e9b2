using FlexWork.Application.Performance;
using FlexWork.Domain.Common;
using FlexWork.Domain.Performance;
using FlexWork.Web.Localization;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FlexWork.Web.Components.Pages.Performance;

/// <summary>
/// The evaluator rates one person's period: realisation per target (from the reports, adjusted
/// with a reason), results and behaviour with the seven BerAKHLAK values, feedback; the predikat
/// the quadrant gives shows before it is saved.
/// </summary>
public partial class RatePage
{
    [Inject]
    private EvaluationService Evaluations { get; set; } = default!;

    [Inject]
    private PeriodAdministration Periods { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Parameter]
    public Guid PeriodId { get; set; }

    [Parameter]
    public Guid EmployeeId { get; set; }

    private sealed class RealisationRow(Guid targetId, decimal reported)
    {
        public Guid TargetId { get; } = targetId;

        public decimal Reported { get; } = reported;

        public decimal? Adjusted { get; set; }

        public string? Reason { get; set; }
    }

    private EvaluationDraft? _draft;
    private PeriodView? _period;
    private List<RealisationRow> _realisations = [];
    private readonly Dictionary<BerAkhlak, Expectation> _values = Enum.GetValues<BerAkhlak>().ToDictionary(v => v, _ => Expectation.AsExpected);
    private Expectation? _results, _behaviour;
    private string? _feedback, _error;
    private bool _busy;

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            _draft = await Evaluations.DraftAsync(PeriodId, EmployeeId);
            _period = (await Periods.ListAsync()).FirstOrDefault(p => p.Id == PeriodId);
            _realisations = [.. _draft.Targets.Select(t => new RealisationRow(t.Id, t.Reported))];
        }
        catch (Exception ex) when (L.Problem(ex) is { } problem)
        {
            _error = problem;
        }
    }

    private async Task RateAsync()
    {
        _busy = true;
        _error = null;
        try
        {
            var rating = new EvaluationRating(
                _results ?? throw new DomainException("EVALUATION_RATING_REQUIRED"), _behaviour ?? throw new DomainException("EVALUATION_RATING_REQUIRED"),
                [.. _values.Select(v => new ValueRating(v.Key, v.Value))], _feedback,
                [.. _realisations.Where(r => _draft!.Targets.First(t => t.Id == r.TargetId).Content.Value is not null)
                    .Select(r => new TargetRealisation(r.TargetId, r.Reported, r.Adjusted, r.Reason))]);
            await Evaluations.RateAsync(PeriodId, EmployeeId, rating, _draft!.Evaluation.Id is null ? null : _draft.Evaluation.Version);
            Snackbar.Add(L["Rate.Saved", _draft.Evaluation.EmployeeName], Severity.Success);
            _draft = await Evaluations.DraftAsync(PeriodId, EmployeeId);
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
}
