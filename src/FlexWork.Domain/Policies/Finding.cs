namespace FlexWork.Domain.Policies;

public enum FindingSeverity
{
    /// <summary>Shown to the employee and the approver; the request may still go ahead.</summary>
    Warn,

    /// <summary>The request cannot be submitted while this stands.</summary>
    Block,
}

/// <summary>
/// One rule's verdict on a request: a stable code, how serious, the day it concerns (none for
/// the request as a whole), the message (localized as <c>Finding.{MessageKey}</c> with the
/// arguments) and the clause behind it.
/// </summary>
public sealed record Finding(string Code, FindingSeverity Severity, DateOnly? Date, string MessageKey, IReadOnlyList<string> Arguments, string Clause);
