namespace FlexWork.Infrastructure.Identity;

/// <summary>The password policy, shared by Identity's options and the forms' validators.</summary>
public static class PasswordRules
{
    public const int MinimumLength = 12;
}
