namespace FlexWork.Domain.Common;

public static class Guard
{
    /// <summary>A trimmed, non-empty name, or <c>NAME_REQUIRED</c>.</summary>
    public static string Name(string? name) =>
        string.IsNullOrWhiteSpace(name) ? throw new DomainException("NAME_REQUIRED") : name.Trim();
}
