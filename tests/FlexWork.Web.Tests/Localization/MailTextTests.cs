using FlexWork.Application.Notifications;
using FlexWork.Domain.Notifications;

namespace FlexWork.Web.Tests.Localization;

/// <summary>The e-mails come from resources: every kind has its text in both languages, Indonesian first.</summary>
public class MailTextTests
{
    public static TheoryData<NotificationKind> Kinds() => [.. Enum.GetValues<NotificationKind>()];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_notification_mail_is_written_in_indonesian_then_english_about_its_person(NotificationKind kind)
    {
        var (subject, body) = MailText.For(Notification.Create(Guid.NewGuid(), Guid.NewGuid(), kind, Guid.NewGuid(), "Dewi Lestari", DateTimeOffset.UtcNow));

        var subjects = subject.Split(" / ");
        var bodies = body.Split("\n\n---\n\n");
        Assert.Equal(2, subjects.Length);
        Assert.Equal(2, bodies.Length);
        Assert.NotEqual(subjects[0], subjects[1]);
        Assert.All(bodies, text => Assert.Contains("Dewi Lestari", text, StringComparison.Ordinal));
        var (indonesian, english) = kind.IsAboutRequest() ? ("pengajuan", "request") : ("kinerja", "performance");
        Assert.Contains(indonesian, subjects[0] + bodies[0], StringComparison.OrdinalIgnoreCase);
        Assert.Contains(english, subjects[1] + bodies[1], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_invitation_carries_its_link_once_and_greets_the_person_in_both_languages()
    {
        var (subject, body) = MailText.Invitation("Dewi Lestari", "https://flexwork.example/Account/AcceptInvitation?code=x");

        Assert.Equal("Undangan FlexWork / FlexWork invitation", subject);
        Assert.StartsWith("Yth. Dewi Lestari,", body, StringComparison.Ordinal);
        Assert.Contains("Dear Dewi Lestari,", body, StringComparison.Ordinal);
        Assert.Single(body.Split("https://flexwork.example/Account/AcceptInvitation?code=x")[1..]);
    }
}
