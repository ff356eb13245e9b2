using System.Net.Http.Headers;
using System.Text;
using FlexWork.Application.Integrations;
using FlexWork.Domain.Common;
using FlexWork.Domain.Integrations;
using FlexWork.Web.Localization;
using FlexWork.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace FlexWork.Web.Api;

/// <summary>The OAuth 2.0 client-credentials answer (RFC 6749 §5.1).</summary>
public sealed record ClientTokenResponse(
    [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken,
    [property: System.Text.Json.Serialization.JsonPropertyName("token_type")] string TokenType,
    [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn,
    [property: System.Text.Json.Serialization.JsonPropertyName("scope")] string Scope);

public sealed record PresenceBatchBody(IReadOnlyList<PresenceEventInput?>? Events);

public sealed record PresenceEventAnswer(string? EventId, PresenceEventOutcome Outcome, bool Duplicate, string? Code, string? Message);

public sealed record PresenceBatchResponse(int Recorded, int Unchanged, int Refused, int Duplicates, IReadOnlyList<PresenceEventAnswer> Results);

public sealed record IntegrationClientBody(string? Name);

/// <summary>
/// Attendance machines under <c>/api/v1/integrations</c>: a client-credentials token, then batches
/// of check-ins. A machine's token opens these routes only, for its own agency; a person's token
/// opens none of them.
/// </summary>
internal static class IntegrationEndpoints
{
    public static void MapIntegrationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var integrations = endpoints.MapGroup("/api/v1/integrations").WithTags("Integrations")
            .DisableAntiforgery()
            .AddEndpointFilterFactory(InputScreen.Factory);

        integrations.MapPost("/token", async Task<Results<Ok<ClientTokenResponse>, ProblemHttpResult>> (
                HttpContext context, IntegrationClientSignIn signIn, IOptionsMonitor<BearerTokenOptions> bearerOptions, TimeProvider timeProvider,
                IStringLocalizer<SharedResource> localizer, CancellationToken ct) =>
            {
                var (grantType, clientId, secret) = await CredentialsAsync(context.Request, ct);
                if (grantType != "client_credentials")
                {
                    return TypedResults.Problem(localizer["Integration.GrantType"], statusCode: StatusCodes.Status400BadRequest, title: localizer["Problem.Validation"]);
                }

                if (await signIn.AuthenticateAsync(clientId, secret, ct) is not { } client)
                {
                    return TypedResults.Problem(localizer["Integration.ClientInvalid"], statusCode: StatusCodes.Status401Unauthorized, title: localizer["Problem.Unauthorized"]);
                }

                var options = bearerOptions.Get(IdentityConstants.BearerScheme);
                var ticket = new AuthenticationTicket(
                    BearerSessions.ClientPrincipal(client.AgencyId, client.ClientId),
                    new AuthenticationProperties { ExpiresUtc = timeProvider.GetUtcNow() + options.BearerTokenExpiration },
                    IdentityConstants.BearerScheme);
                return TypedResults.Ok(new ClientTokenResponse(
                    options.BearerTokenProtector.Protect(ticket), "Bearer", (int)options.BearerTokenExpiration.TotalSeconds, IntegrationClient.PresenceScope));
            })
            .AllowAnonymous()
            .WithSummary("Exchange an integration client's id and secret (form fields client_id and client_secret, or HTTP Basic) for a bearer token, grant_type=client_credentials")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized);

        integrations.MapPost("/presence", async (PresenceBatchBody body, PresenceIntake intake, IStringLocalizer<SharedResource> localizer, CancellationToken ct) =>
            {
                var batch = await intake.RecordAsync(body.Events, ct);
                return new PresenceBatchResponse(batch.Recorded, batch.Unchanged, batch.Refused, batch.Duplicates, [
                    .. batch.Results.Select(r => new PresenceEventAnswer(
                        r.EventId, r.Outcome, r.Duplicate, r.Code, r.Code is { } code ? localizer.Domain(new DomainException(code, [.. r.Arguments])) : null)),
                ]);
            })
            .RequireAuthorization(Policies.IntegrationClient)
            .WithSummary($"Record a batch of up to {PresenceIntake.MaxBatchSize} check-ins and check-outs {{eventId, nip, at, kind}}: each row answered on its own (Recorded, Unchanged or Refused with a code and message); a row whose eventId was sent before gets the answer it got then (duplicate)")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
    }

    public static void MapAdminIntegrationEndpoints(this RouteGroupBuilder admin)
    {
        var clients = admin.MapGroup("/integration-clients").WithTags("Admin: integrations");
        clients.MapGet("", (IntegrationClientAdministration service, CancellationToken ct) => service.ListAsync(ct))
            .WithSummary("The agency's attendance-machine clients, active first, with their last tap");
        clients.MapPost("", async (IntegrationClientBody body, IntegrationClientAdministration service, CancellationToken ct) =>
                TypedResults.Created("/api/v1/admin/integration-clients", await service.CreateAsync(body.Name, ct)))
            .WithSummary("Create a client: the answer holds its clientId and clientSecret, shown this once (only the secret's hash is kept)")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        clients.MapPost("/{id:guid}/revoke", async (Guid id, IntegrationClientAdministration service, CancellationToken ct) =>
            {
                await service.RevokeAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Revoke a client: its tokens are refused within the session check (30 s by default)")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>RFC 6749 §2.3.1: the credentials in the form body, or as HTTP Basic.</summary>
    private static async Task<(string? GrantType, string? ClientId, string? Secret)> CredentialsAsync(HttpRequest request, CancellationToken ct)
    {
        var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : null;
        string? grantType = form?["grant_type"], clientId = form?["client_id"], secret = form?["client_secret"];
        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header) && header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase)
            && header.Parameter is { } encoded)
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(encoded)).Split(':', 2);
                (clientId, secret) = pair.Length == 2 ? (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1])) : (clientId, secret);
            }
            catch (FormatException)
            {
                // Not Base64: the credentials are simply not there.
            }
        }

        return (grantType, clientId, secret);
    }
}
