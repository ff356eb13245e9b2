namespace FlexWork.Application.Common;

/// <summary>The caller may not do this (HTTP 403).</summary>
public sealed class ForbiddenAccessException() : Exception("Access denied.");

/// <summary>
/// Not found, or not visible to the caller (HTTP 404): rows of another agency answer the same as
/// rows that do not exist, so ids cannot be probed across agencies.
/// </summary>
public sealed class NotFoundException(string entity, object key) : Exception($"{entity} {key} was not found.")
{
    public string Entity { get; } = entity;
}
