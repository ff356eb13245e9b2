using System.Globalization;
using System.Resources;
using FlexWork.Domain.Notifications;

namespace FlexWork.Application.Notifications;

/// <summary>
/// The e-mails' texts, from <c>MailTexts.resx</c> (Indonesian) and <c>MailTexts.en.resx</c>
/// (English). Each mail carries both, Indonesian first: the recipient's language is not stored.
/// </summary>
public static class MailText
{
    private static readonly ResourceManager Resources = new("FlexWork.Application.Notifications.MailTexts", typeof(MailText).Assembly);
    private static readonly CultureInfo Indonesian = CultureInfo.InvariantCulture; // the neutral resources are Indonesian
    private static readonly CultureInfo English = new("en");

    /// <summary>The notification's mail, about <see cref="Notification.SubjectName"/> (the employee, or the official who acted).</summary>
    public static (string Subject, string Body) For(Notification notification) => Bilingual(notification.Kind.ToString(), notification.SubjectName);

    /// <summary>The invitation with its one-time link.</summary>
    public static (string Subject, string Body) Invitation(string fullName, string link) => Bilingual("Invitation", fullName, link);

    private static (string Subject, string Body) Bilingual(string key, params object[] arguments) => (
        $"{Text($"{key}.Subject", Indonesian, arguments)} / {Text($"{key}.Subject", English, arguments)}",
        $"{Text($"{key}.Body", Indonesian, arguments)}\n\n---\n\n{Text($"{key}.Body", English, arguments)}");

    private static string Text(string name, CultureInfo culture, object[] arguments) =>
        string.Format(culture, Resources.GetString(name, culture) ?? throw new InvalidOperationException($"No mail text {name}."), arguments);
}
