namespace FlexWork.Application.Accounts.InviteEmployee;

/// <summary>
/// Sends invitation links by e-mail when the installation has SMTP configured; otherwise the
/// admin copies the link from the screen.
/// </summary>
public interface IInvitationMailer
{
    bool IsConfigured { get; }

    Task SendAsync(string email, string fullName, string link, CancellationToken cancellationToken = default);
}
