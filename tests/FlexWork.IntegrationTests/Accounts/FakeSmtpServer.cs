using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FlexWork.IntegrationTests.Accounts;

/// <summary>
/// Just enough SMTP on a loopback port to receive messages: a real socket conversation, so the
/// mailer's MailKit client is exercised end to end. <see cref="Received"/> is the first message;
/// later ones are accepted and dropped, so a test need not know how many others go out.
/// </summary>
internal sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Task<(string Recipient, string Data)> _received;

    public FakeSmtpServer()
    {
        _listener.Start();
        _received = ReceiveOneAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public Task<(string Recipient, string Data)> Received => _received;

    private async Task<(string, string)> ReceiveOneAsync()
    {
        var first = await ConverseAsync(await _listener.AcceptTcpClientAsync());
        _ = DropTheRestAsync();
        return first;
    }

    private async Task DropTheRestAsync()
    {
        try
        {
            while (true)
            {
                await ConverseAsync(await _listener.AcceptTcpClientAsync());
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or IOException)
        {
            // The listener stopped with the test.
        }
    }

    private static async Task<(string, string)> ConverseAsync(TcpClient accepted)
    {
        using var client = accepted;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 fake.smtp ESMTP");
        var recipient = "";
        var data = new StringBuilder();
        while (await reader.ReadLineAsync() is { } line)
        {
            var command = line.ToUpperInvariant();
            if (command.StartsWith("EHLO", StringComparison.Ordinal) || command.StartsWith("HELO", StringComparison.Ordinal))
            {
                await writer.WriteLineAsync("250 fake.smtp");
            }
            else if (command.StartsWith("RCPT TO:", StringComparison.Ordinal))
            {
                recipient = line[8..].Trim(' ', '<', '>');
                await writer.WriteLineAsync("250 OK");
            }
            else if (command == "DATA")
            {
                await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                while (await reader.ReadLineAsync() is { } body && body != ".")
                {
                    data.AppendLine(body);
                }

                await writer.WriteLineAsync("250 OK queued");
            }
            else if (command == "QUIT")
            {
                await writer.WriteLineAsync("221 Bye");
                break;
            }
            else
            {
                await writer.WriteLineAsync("250 OK");
            }
        }

        return (recipient, data.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try
        {
            await _received;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or IOException)
        {
            // No client came: the test has failed already and says why.
        }
    }
}
