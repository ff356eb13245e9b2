using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using FlexWork.Tests.Shared;
using Npgsql;

namespace FlexWork.Web.Tests.Security;

/// <summary>The database goes away for a moment and comes back: 503 with Retry-After meanwhile, no restart needed after.</summary>
public sealed class DatabaseOutageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task While_the_database_is_away_the_api_answers_503_with_retry_after_and_serves_again_when_it_is_back()
    {
        await using var factory = await FlexWorkAppFactory.CreateAsync("outage");
        var server = new NpgsqlConnectionStringBuilder(factory.ConnectionString);
        await using var proxy = new TcpProxy(server.Host!, server.Port);
        var viaProxy = new NpgsqlConnectionStringBuilder(factory.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port, Timeout = 3 }.ConnectionString;
        await using var app = factory.WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:FlexWork", viaProxy));
        var client = app.CreateClient();
        var token = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "pegawai@demo.go.id", password = Api.ApiFixture.DemoPassword }, Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me", Ct)).StatusCode);

        proxy.Down = true;
        var away = await client.GetAsync("/api/v1/me", Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, away.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), away.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", away.Content.Headers.ContentType?.MediaType);
        Assert.Contains("basis data", await away.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready", Ct)).StatusCode);

        proxy.Down = false;
        var back = HttpStatusCode.ServiceUnavailable;
        for (var attempt = 0; attempt < 20 && back != HttpStatusCode.OK; attempt++)
        {
            back = (await client.GetAsync("/api/v1/me", Ct)).StatusCode;
            if (back != HttpStatusCode.OK)
            {
                await Task.Delay(500, Ct);
            }
        }

        Assert.Equal(HttpStatusCode.OK, back);
    }

    /// <summary>A TCP relay to PostgreSQL that can drop every connection and refuse new ones, like a server going away.</summary>
    private sealed class TcpProxy : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly List<TcpClient> _open = [];
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _accepting;
        private bool _down;

        public TcpProxy(string host, int port)
        {
            _listener.Start();
            _accepting = AcceptAsync(host, port);
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public bool Down
        {
            get => _down;
            set
            {
                _down = value;
                if (value)
                {
                    lock (_open)
                    {
                        _open.ForEach(c => c.Dispose());
                        _open.Clear();
                    }
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            Down = true;
            await _accepting.ContinueWith(_ => { }, TaskScheduler.Default);
            _stop.Dispose();
        }

        private async Task AcceptAsync(string host, int port)
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                if (_down)
                {
                    client.Dispose();
                    continue;
                }

                var upstream = new TcpClient();
                await upstream.ConnectAsync(host, port, _stop.Token);
                lock (_open)
                {
                    _open.Add(client);
                    _open.Add(upstream);
                }

                _ = PumpAsync(client, upstream);
                _ = PumpAsync(upstream, client);
            }
        }

        private static async Task PumpAsync(TcpClient from, TcpClient to)
        {
            try
            {
                await from.GetStream().CopyToAsync(to.GetStream());
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException or InvalidOperationException)
            {
                // The relay was dropped on purpose.
            }
            finally
            {
                from.Dispose();
                to.Dispose();
            }
        }
    }
}
