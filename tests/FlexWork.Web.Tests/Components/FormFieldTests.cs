using FlexWork.Application.Policies.CheckRequest;
using FlexWork.Application.Policies.ManagePolicy;
using FlexWork.Domain.Policies;
using FlexWork.Web.Components.Pages.Admin.Policy;
using FlexWork.Web.Components.Pages.Requests;
using FlexWork.Web.Components.Requests;
using Microsoft.AspNetCore.Components.Forms;

namespace FlexWork.Web.Tests.Components;

/// <summary>
/// The forms validate the application's own input records; each failure must land on a field the
/// form really has, or its message would show nowhere but the summary.
/// </summary>
public class FormFieldTests
{
    [Fact]
    public void A_request_failure_lands_on_the_day_or_work_plan_row_it_is_about()
    {
        var model = new RequestFormModel { Reason = new string('x', 2001) };
        model.Days.Add(new DayRow { Date = new DateOnly(2027, 1, 11), Mode = WorkMode.Home, Start = TimeSpan.FromHours(8), End = TimeSpan.FromHours(16) });
        model.Days.Add(new DayRow { Date = new DateOnly(2027, 1, 12), Mode = WorkMode.Home, Start = TimeSpan.FromHours(16), End = TimeSpan.FromHours(8) });
        model.Plan.Clear();
        model.Plan.Add(new RequestFormModel.PlanRow()); // not filled in: not an item
        model.Plan.Add(new RequestFormModel.PlanRow { Output = "Laporan", Target = new string('t', 201) });

        var fields = new ProposedRequestInputValidator().Validate(model.ToInput(hasEvidence: false)).Errors
            .Select(e => (e.ErrorCode, Field: model.FieldOf(e.PropertyName))).ToList();

        Assert.Contains(fields, f => f.ErrorCode == "REQUEST_HOURS_ORDER" && f.Field.Equals(new FieldIdentifier(model.Days[1], nameof(DayRow.End))));
        Assert.Contains(fields, f => f.ErrorCode == "TEXT_TOO_LONG" && f.Field.Equals(new FieldIdentifier(model.Plan[1], nameof(RequestFormModel.PlanRow.Target))));
        Assert.Contains(fields, f => f.ErrorCode == "TEXT_TOO_LONG" && f.Field.Equals(new FieldIdentifier(model, nameof(RequestFormModel.Reason))));
        Assert.All(fields, f => Assert.NotNull(f.Field.Model.GetType().GetProperty(f.Field.FieldName)));
    }

    [Fact]
    public void Every_failure_of_a_broken_policy_lands_on_a_field_of_the_policy_form()
    {
        var form = PolicyForm.From(PolicySettings.Regulation);
        form.RemoteDaysPerWeek = 9;
        form.WeeklyHours = 0;
        form.CoreStart = TimeSpan.FromHours(5);
        form.MaxDailyHours = 30;
        form.RamadanWeeklyHours = 0;
        form.MinNoticeWorkingDays = 99;
        form.MinMonthsInPosition = 999;
        form.MaxEvidenceFilesPerReport = 0;
        form.PositionRetentionDays = 0;
        form.MaxAccuracyMeters = 1;
        form.Shifts.Add(new PolicyForm.ShiftRow { Name = "", Start = TimeSpan.FromHours(14), End = TimeSpan.FromHours(13) });
        var unit = Guid.NewGuid();
        form.UnitOverrides.Add(new PolicyForm.UnitOverrideRow { UnitId = null }); // not chosen yet: not an override
        form.UnitOverrides.Add(new PolicyForm.UnitOverrideRow { UnitId = unit, RemoteDaysPerWeek = 9, MaxAwayPercent = 150 });

        var failures = new PolicySettingsValidator().Validate(form.ToSettings()).Errors;
        var fields = failures.Select(e => form.FieldOf(e.PropertyName)).ToList();

        Assert.True(failures.Count >= 10, string.Join(", ", failures.Select(f => f.PropertyName)));
        Assert.All(fields, f => Assert.NotNull(f.Model.GetType().GetProperty(f.FieldName)));
        Assert.Contains(new FieldIdentifier(form.Shifts[0], nameof(PolicyForm.ShiftRow.End)), fields);
        Assert.Contains(new FieldIdentifier(form.UnitOverrides[1], nameof(PolicyForm.UnitOverrideRow.MaxAwayPercent)), fields);
        Assert.Contains(new FieldIdentifier(form, nameof(PolicyForm.RemoteDaysPerWeek)), fields);
        Assert.Contains(new FieldIdentifier(form, nameof(PolicyForm.WeeklyHours)), fields);
        Assert.Contains(new FieldIdentifier(form, nameof(PolicyForm.MaxEvidenceFilesPerReport)), fields);
        Assert.Contains(new FieldIdentifier(form, nameof(PolicyForm.PositionRetentionDays)), fields);
        Assert.Contains(new FieldIdentifier(form, nameof(PolicyForm.MaxAccuracyMeters)), fields);
        Assert.Contains(failures, f => f.ErrorCode == "POLICY_PRESENCE_RETENTION_RANGE");
    }
}
