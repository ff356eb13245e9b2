using FlexWork.Infrastructure.Email;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FlexWork.IntegrationTests.Accounts;

public class InvitationMailTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_smtp_configured_the_invitation_link_is_mailed_in_both_languages()
    {
        await using var smtp = new FakeSmtpServer();
        var mailer = new SmtpInvitationMailer(Options.Create(new SmtpOptions
        {
            Host = "127.0.0.1", Port = smtp.Port, UseStartTls = false, From = "noreply@demo.go.id",
        }), NullLogger<SmtpInvitationMailer>.Instance);
        Assert.True(mailer.IsConfigured);

        Assert.True(await mailer.SendAsync("dimas.anggara@demo.go.id", "Dimas Anggara", "https://flexwork.example/Account/AcceptInvitation?userId=u1&code=c1", Ct));

        var (recipient, data) = await smtp.Received.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal("dimas.anggara@demo.go.id", recipient);
        Assert.Contains("https://flexwork.example/Account/AcceptInvitation?userId=u1&code=c1", data, StringComparison.Ordinal);
        Assert.Contains("Yth. Dimas Anggara", data, StringComparison.Ordinal);
        Assert.Contains("Dear Dimas Anggara", data, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_host_the_mailer_says_it_is_not_configured() =>
        Assert.False(new SmtpInvitationMailer(Options.Create(new SmtpOptions()), NullLogger<SmtpInvitationMailer>.Instance).IsConfigured);

    [Fact]
    public async Task An_unreachable_mail_server_is_reported_as_not_sent_rather_than_thrown()
    {
        using var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop(); // nothing listens on this port now
        var mailer = new SmtpInvitationMailer(
            Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = port, UseStartTls = false }), NullLogger<SmtpInvitationMailer>.Instance);

        Assert.False(await mailer.SendAsync("dimas.anggara@demo.go.id", "Dimas Anggara", "https://flexwork.example/x", Ct));
    }
}
