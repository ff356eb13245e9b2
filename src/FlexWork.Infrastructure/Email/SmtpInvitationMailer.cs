using FlexWork.Application.Accounts.InviteEmployee;
using FlexWork.Application.Notifications;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace FlexWork.Infrastructure.Email;

/// <summary>SMTP settings (section <c>Smtp</c>); no host means "no e-mail, show the link".</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>
    /// Upgrade with STARTTLS when the server offers it (the default), or never. With a user name
    /// configured, STARTTLS is required: credentials never travel in clear, and a server that does
    /// not offer it is refused rather than silently used without.
    /// </summary>
    public bool UseStartTls { get; set; } = true;

    public SecureSocketOptions Security => !string.IsNullOrEmpty(UserName)
        ? SecureSocketOptions.StartTls
        : UseStartTls ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.None;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "flexwork@localhost";

    public string FromName { get; set; } = "FlexWork";
}

/// <summary>E-mail through MailKit: invitation links and request notifications.</summary>
public sealed class SmtpInvitationMailer(IOptions<SmtpOptions> options, ILogger<SmtpInvitationMailer> logger) : IInvitationMailer, INotificationMailer
{
    private readonly SmtpOptions _options = options.Value;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(_options.Host);

    public Task<bool> SendAsync(string email, string fullName, string link, CancellationToken cancellationToken = default)
    {
        var (subject, text) = MailText.Invitation(fullName, link);
        return SendAsync(email, fullName, subject, text, cancellationToken);
    }

    public async Task<bool> SendAsync(string email, string fullName, string subject, string text, CancellationToken cancellationToken = default)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(_options.FromName, _options.From));
        message.To.Add(new MailboxAddress(fullName, email));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = text };

        var host = _options.Host ?? throw new InvalidOperationException("SMTP is not configured (Smtp:Host).");
        try
        {
            using var client = new SmtpClient();
            await client.ConnectAsync(host, _options.Port, _options.Security, cancellationToken);
            if (!string.IsNullOrEmpty(_options.UserName))
            {
                await client.AuthenticateAsync(_options.UserName, _options.Password ?? "", cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is MailKit.CommandException or MailKit.ProtocolException or MailKit.ServiceNotConnectedException
            or AuthenticationException or System.Net.Sockets.SocketException or IOException or NotSupportedException
            or System.Security.Authentication.AuthenticationException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "E-mail \"{Subject}\" could not be sent through {Host}", subject, host);
            return false;
        }
    }
}
