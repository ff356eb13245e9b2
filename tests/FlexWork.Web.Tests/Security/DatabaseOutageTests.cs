using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using FlexWork.Tests.Shared;
using Npgsql;

namespace FlexWork.Web.Tests.Security;

/// <summary>
/// The database goes away and comes back: a moment is ridden out by retrying (the whole
/// transaction, once), a longer absence answers 503 with Retry-After, and no restart is needed after.
/// </summary>
public sealed class DatabaseOutageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task While_the_database_is_away_the_api_answers_503_with_retry_after_and_serves_again_when_it_is_back()
    {
        await using var factory = await FlexWorkAppFactory.CreateAsync("outage");
        await using var proxy = TcpProxy.To(factory.ConnectionString);
        await using var app = factory.WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:FlexWork", proxy.ConnectionString));
        var client = await SignedInAsync(app.CreateClient());

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

    [Fact]
    public async Task A_submission_while_the_database_is_away_for_a_moment_is_retried_and_lands_once()
    {
        await using var factory = await FlexWorkAppFactory.CreateAsync("outageretry");
        await using var proxy = TcpProxy.To(factory.ConnectionString);
        await using var app = factory.WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:FlexWork", proxy.ConnectionString));
        var client = await SignedInAsync(app.CreateClient());
        var day = TestWeeks.Free(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        proxy.Down = true;
        var submitting = client.PostAsJsonAsync(
            "/api/v1/requests", new { days = new[] { new { date = day, mode = "Home" } }, reason = "Laporan", workPlan = new[] { new { output = "Laporan" } } }, Ct);
        await Task.Delay(1500, Ct);
        proxy.Down = false;

        Assert.Equal(HttpStatusCode.Created, (await submitting).StatusCode);
        var mine = await client.GetFromJsonAsync<JsonElement>("/api/v1/requests?mine=true", Ct);
        Assert.Single(mine.EnumerateArray(), r => r.GetProperty("firstDay").GetString() == day);
    }

    private static async Task<HttpClient> SignedInAsync(HttpClient client)
    {
        var token = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "pegawai@demo.go.id", password = Api.ApiFixture.DemoPassword }, Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me", Ct)).StatusCode);
        return client;
    }

    /// <summary>A TCP relay to PostgreSQL that can drop every connection and refuse new ones, like a server going away.</summary>
    private sealed class TcpProxy : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly List<TcpClient> _open = [];
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _accepting;
        private bool _down;

        private TcpProxy(string connectionString)
        {
            var server = new NpgsqlConnectionStringBuilder(connectionString);
            _listener.Start();
            _accepting = AcceptAsync(server.Host!, server.Port);
            ConnectionString = new NpgsqlConnectionStringBuilder(connectionString) { Host = "127.0.0.1", Port = Port, Timeout = 3 }.ConnectionString;
        }

        /// <summary>What the app connects with to go through the relay.</summary>
        public string ConnectionString { get; }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        /// <summary>A relay to the server of <paramref name="connectionString"/>.</summary>
        public static TcpProxy To(string connectionString) => new(connectionString);

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
