namespace FlexWork.Application.Accounts.InviteEmployee;

/// <summary>
/// Sends invitation links by e-mail when the installation has SMTP configured; otherwise the
/// admin copies the link from the screen.
/// </summary>
public interface IInvitationMailer
{
    bool IsConfigured { get; }

    /// <returns>False when the mail server could not be reached or refused the message (logged);
    /// the link stays valid, so the admin can pass it on by hand.</returns>
    Task<bool> SendAsync(string email, string fullName, string link, CancellationToken cancellationToken = default);
}
