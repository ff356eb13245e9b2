namespace FlexWork.Application.Common;

/// <summary>Builds LIKE patterns from user input without letting % or _ act as wildcards.</summary>
public static class LikePattern
{
    public const string EscapeCharacter = "\\";

    public static string Contains(string term) =>
        "%" + term.Replace("\\", "\\\\", StringComparison.Ordinal)
                  .Replace("%", "\\%", StringComparison.Ordinal)
                  .Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
