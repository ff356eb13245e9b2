using FlexWork.Domain.Common;
using FlexWork.Domain.Performance;
using static FlexWork.Domain.UnitTests.Performance.PerformanceTestKit;

namespace FlexWork.Domain.UnitTests.Performance;

public class FeedbackTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    [Fact]
    public void A_dialog_records_the_day_the_notes_and_the_agreed_actions()
    {
        var dialog = Feedback.Dialog(AgencyId, EmployeeId, Supervisor.EmployeeId, Supervisor.UserId, Today, Today, " Membahas capaian ", "Kirim draf tiap Jumat", Now);
        Assert.Equal((FeedbackKind.Dialog, "Membahas capaian", "Kirim draf tiap Jumat", (DateOnly?)Today), (dialog.Kind, dialog.Text, dialog.AgreedActions, dialog.HeldOn));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-400)]
    public void A_dialog_was_held_in_the_past_year(int offset) =>
        Assert.Equal("DIALOG_DATE_INVALID", Assert.Throws<DomainException>(() =>
            Feedback.Dialog(AgencyId, EmployeeId, Supervisor.EmployeeId, null, Today.AddDays(offset), Today, "Catatan", null, Now)).Code);

    [Fact]
    public void Feedback_has_text_and_is_for_someone_else()
    {
        var target = PerformanceTarget.Create(Period(), EmployeeId, Content, Now);
        Assert.Equal("FEEDBACK_TEXT_REQUIRED", Assert.Throws<DomainException>(() => Feedback.OnTarget(target, Supervisor.EmployeeId, null, "  ", Now)).Code);
        Assert.Equal("FEEDBACK_OWN", Assert.Throws<DomainException>(() => Feedback.OnTarget(target, EmployeeId, null, "Bagus", Now)).Code);
        Assert.Equal(target.Id, Feedback.OnTarget(target, Supervisor.EmployeeId, null, "Bagus", Now).SubjectId);
    }
}
