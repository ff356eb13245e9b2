namespace FlexWork.Domain.Common;

public static class Guard
{
    /// <summary>A trimmed, non-empty name, or <c>NAME_REQUIRED</c>.</summary>
    public static string Name(string? name) =>
        string.IsNullOrWhiteSpace(name) ? throw new DomainException("NAME_REQUIRED") : name.Trim();

    /// <summary>
    /// Free text without control characters (line breaks and tabs stay), trimmed, null when blank,
    /// <c>TEXT_TOO_LONG</c> beyond <paramref name="maxLength"/>.
    /// </summary>
    public static string? Text(string? text, int maxLength)
    {
        if (text is not null && text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            text = new string([.. text.Where(c => !char.IsControl(c) || c is '\n' or '\r' or '\t')]);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        return text.Length > maxLength ? throw new DomainException("TEXT_TOO_LONG", maxLength) : text;
    }

    /// <summary>Free text that must be there: <paramref name="missingCode"/> when blank.</summary>
    public static string RequiredText(string? text, int maxLength, string missingCode) =>
        Text(text, maxLength) ?? throw new DomainException(missingCode);
}
