using System.Globalization;
using System.Text.RegularExpressions;
using FlexWork.Application.Policies.CheckRequest;
using FlexWork.Domain.Policies;
using FlexWork.Web.Components.Requests;
using Microsoft.AspNetCore.Components.Forms;

namespace FlexWork.Web.Components.Pages.Requests;

/// <summary>
/// The request form's model as its fields edit it: the days, the reason and the work plan. It
/// converts to the <see cref="ProposedRequestInput"/> the application validates and judges, and
/// puts each validation message back at its field (<see cref="FieldOf"/>).
/// </summary>
public sealed partial class RequestFormModel
{
    public List<DayRow> Days { get; } = [];

    public string? Reason { get; set; }

    public List<PlanRow> Plan { get; } = [new()];

    /// <summary>Rows with an output: an empty row is a row not filled in yet, not an item.</summary>
    private List<PlanRow> FilledPlan => [.. Plan.Where(p => !string.IsNullOrWhiteSpace(p.Output))];

    public ProposedRequestInput ToInput(bool hasEvidence) => new(
        [.. Days.Select(d => d.ToInput())], Reason,
        [.. FilledPlan.Select(p => new WorkPlanItem(p.Output!.Trim(), p.Indicator, p.Target, p.TargetId))],
        HasEvidence: hasEvidence);

    /// <summary>The field of a failure of <see cref="ToInput"/>: <c>Days[i].End</c> is the i-th day's End, <c>WorkPlan[i].Target</c> the i-th filled row's.</summary>
    public FieldIdentifier FieldOf(string path)
    {
        var row = RowPath().Match(path);
        if (row.Success && int.Parse(row.Groups[2].Value, CultureInfo.InvariantCulture) is var i)
        {
            object? owner = row.Groups[1].Value == "Days" ? Days.ElementAtOrDefault(i) : FilledPlan.ElementAtOrDefault(i);
            if (owner is not null)
            {
                return new FieldIdentifier(owner, row.Groups[3].Value);
            }
        }

        return new FieldIdentifier(this, path == nameof(ProposedRequestInput.WorkPlan) ? nameof(Plan) : path);
    }

    [GeneratedRegex(@"^(Days|WorkPlan)\[(\d+)\]\.(\w+)$")]
    private static partial Regex RowPath();

    public sealed class PlanRow
    {
        public string? Output { get; set; }

        public string? Indicator { get; set; }

        public string? Target { get; set; }

        /// <summary>The agreed performance target the output serves.</summary>
        public Guid? TargetId { get; set; }
    }
}
