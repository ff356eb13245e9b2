using FlexWork.Domain.Common;

namespace FlexWork.Domain.Performance;

public enum FeedbackKind
{
    /// <summary>A comment on a work report.</summary>
    Report,

    /// <summary>A comment on a target.</summary>
    Target,

    /// <summary>A dialog kinerja: a conversation held, with the actions agreed.</summary>
    Dialog,
}

/// <summary>
/// Continuous feedback (umpan balik berkelanjutan) from a supervisor to one of their people: a
/// comment on a report or a target, or the record of a dialog kinerja. Both sides see it; it is
/// never edited (a correction is a new entry).
/// </summary>
public sealed class Feedback : AggregateRoot, IAgencyOwned
{
    public const int MaxTextLength = 2000;

    private Feedback(Guid agencyId, Guid employeeId, Guid authorEmployeeId, string? authorUserId, FeedbackKind kind, string text, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        AgencyId = agencyId;
        EmployeeId = employeeId;
        AuthorEmployeeId = authorEmployeeId;
        AuthorUserId = authorUserId;
        Kind = kind;
        Text = text;
        CreatedAt = now;
    }

    private Feedback()
    {
        Text = "";
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    /// <summary>The person the feedback is for.</summary>
    public Guid EmployeeId { get; private set; }

    public Guid AuthorEmployeeId { get; private set; }

    public string? AuthorUserId { get; private set; }

    public FeedbackKind Kind { get; private set; }

    /// <summary>The report or target commented on; null for a dialog.</summary>
    public Guid? SubjectId { get; private set; }

    /// <summary>The comment, or the dialog's notes.</summary>
    public string Text { get; private set; }

    /// <summary>The day a dialog was held.</summary>
    public DateOnly? HeldOn { get; private set; }

    /// <summary>What the two agreed to do (a dialog only).</summary>
    public string? AgreedActions { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static Feedback OnReport(WorkReport report, Guid authorEmployeeId, string? authorUserId, string? text, DateTimeOffset now) =>
        Comment(report.AgencyId, report.EmployeeId, authorEmployeeId, authorUserId, FeedbackKind.Report, report.Id, text, now);

    public static Feedback OnTarget(PerformanceTarget target, Guid authorEmployeeId, string? authorUserId, string? text, DateTimeOffset now) =>
        Comment(target.AgencyId, target.EmployeeId, authorEmployeeId, authorUserId, FeedbackKind.Target, target.Id, text, now);

    /// <summary>The record of a dialog kinerja: not in the future, with notes; the agreed actions optional.</summary>
    public static Feedback Dialog(
        Guid agencyId, Guid employeeId, Guid authorEmployeeId, string? authorUserId, DateOnly heldOn, DateOnly today, string? notes, string? agreedActions, DateTimeOffset now)
    {
        EnsureNotOwn(employeeId, authorEmployeeId);
        if (heldOn > today || heldOn < today.AddYears(-1))
        {
            throw new DomainException("DIALOG_DATE_INVALID");
        }

        var dialog = new Feedback(
            agencyId, employeeId, authorEmployeeId, authorUserId, FeedbackKind.Dialog, Guard.RequiredText(notes, MaxTextLength, "FEEDBACK_TEXT_REQUIRED"), now)
        {
            HeldOn = heldOn,
            AgreedActions = Guard.Text(agreedActions, MaxTextLength),
        };
        dialog.Raise(new FeedbackGiven(dialog));
        return dialog;
    }

    private static Feedback Comment(
        Guid agencyId, Guid employeeId, Guid authorEmployeeId, string? authorUserId, FeedbackKind kind, Guid subjectId, string? text, DateTimeOffset now)
    {
        EnsureNotOwn(employeeId, authorEmployeeId);
        var comment = new Feedback(agencyId, employeeId, authorEmployeeId, authorUserId, kind, Guard.RequiredText(text, MaxTextLength, "FEEDBACK_TEXT_REQUIRED"), now)
        {
            SubjectId = subjectId,
        };
        comment.Raise(new FeedbackGiven(comment));
        return comment;
    }

    /// <summary>Feedback is for someone else: nobody coaches themselves.</summary>
    private static void EnsureNotOwn(Guid employeeId, Guid authorEmployeeId)
    {
        if (employeeId == authorEmployeeId)
        {
            throw new DomainException("FEEDBACK_OWN");
        }
    }
}
