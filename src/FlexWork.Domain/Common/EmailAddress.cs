namespace FlexWork.Domain.Common;

/// <summary>How an e-mail address is stored and compared: trimmed and lower-case, one "@" with something on either side, no spaces.</summary>
public static class EmailAddress
{
    public const int MaxLength = 256;

    public static bool TryNormalize(string? text, out string email)
    {
        email = (text ?? "").Trim().ToLowerInvariant();
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < email.Length - 1 && email.Length <= MaxLength && !email.Contains(' ', StringComparison.Ordinal);
    }

    /// <summary>The stored form, or <c>EMAIL_INVALID</c>.</summary>
    public static string Normalize(string text) => TryNormalize(text, out var email) ? email : throw new DomainException("EMAIL_INVALID", text);
}
