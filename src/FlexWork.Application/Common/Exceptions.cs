namespace FlexWork.Application.Common;

/// <summary>The caller may not do this (HTTP 403); <paramref name="reason"/> is an error code that says why, when telling helps.</summary>
public sealed class ForbiddenAccessException(string? reason = null) : Exception(reason is null ? "Access denied." : $"Access denied: {reason}.")
{
    public string? Reason { get; } = reason;
}

/// <summary>
/// Not found, or not visible to the caller (HTTP 404): rows of another agency answer the same as
/// rows that do not exist, so ids cannot be probed across agencies.
/// </summary>
public sealed class NotFoundException(string entity, object key) : Exception($"{entity} {key} was not found.")
{
    public string Entity { get; } = entity;
}

/// <summary>
/// Someone else changed the row since the user read it (HTTP 409): the change is refused rather
/// than overwriting theirs. The user reloads and decides again.
/// </summary>
public sealed class ConcurrencyConflictException(string message, Exception? innerException = null) : Exception(message, innerException);

/// <summary>Two people saved the same unique key at once and the database let one in (HTTP 409).</summary>
public sealed class DuplicateException(string? constraint, Exception? innerException = null)
    : Exception($"A row with the same key exists ({constraint}).", innerException);
