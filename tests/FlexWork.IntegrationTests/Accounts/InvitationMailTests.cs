using FlexWork.Infrastructure.Email;
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
        }));
        Assert.True(mailer.IsConfigured);

        await mailer.SendAsync("dimas.anggara@demo.go.id", "Dimas Anggara", "https://flexwork.example/Account/AcceptInvitation?userId=u1&code=c1", Ct);

        var (recipient, data) = await smtp.Received.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal("dimas.anggara@demo.go.id", recipient);
        Assert.Contains("https://flexwork.example/Account/AcceptInvitation?userId=u1&code=c1", data, StringComparison.Ordinal);
        Assert.Contains("Yth. Dimas Anggara", data, StringComparison.Ordinal);
        Assert.Contains("Dear Dimas Anggara", data, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_host_the_mailer_says_it_is_not_configured() =>
        Assert.False(new SmtpInvitationMailer(Options.Create(new SmtpOptions())).IsConfigured);
}
