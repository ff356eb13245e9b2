using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using FlexWork.Domain.Integrations;
using FlexWork.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace FlexWork.Web.Api;

/// <summary>
/// What makes <c>/openapi/v1.json</c> fit for generated clients: a stable operation id per route,
/// the security each route asks for (a person's bearer token, or a machine's client-credentials
/// token), and a description per tag. Linted in the suite with Redocly's recommended rules.
/// </summary>
internal static class OpenApiDocumentation
{
    public const string BearerScheme = "Bearer";
    public const string ClientCredentialsScheme = "ClientCredentials";

    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["Auth"] = "Sign in with e-mail and password (and the authenticator code) for a bearer token; refresh it; end sessions.",
        ["Me"] = "The caller's profile, rights and policy.",
        ["Employees"] = "The agency's people as the caller may see them.",
        ["Policy"] = "The flexible-work policy in force and the check of a planned request against it.",
        ["Requests"] = "The caller's flexible-work requests: drafts, submission, withdrawal, evidence.",
        ["Approvals"] = "Requests waiting for the caller's decision, at first or second level, also as acting official.",
        ["Schedules"] = "Where people work, day by day, and the iCalendar feed.",
        ["Notifications"] = "The caller's bell: what happened to their requests and what waits for them.",
        ["Performance"] = "Targets (SKP), work reports, feedback and evaluation, for the employee and the supervisor.",
        ["Presence"] = "Check-in and check-out with the location taken once with consent, corrections, hours and absences.",
        ["Monitoring"] = "Pasal 35 monitoring for unit heads, agency admins and the agency leadership: a month per unit or person, before/after the first policy, and the monev reports as CSV or XLSX.",
        ["Integrations"] = "Attendance machines: a client-credentials token, then batches of check-ins by NIP, idempotent per event id.",
        ["Admin: import"] = "Agency admins: CSV imports of units, positions and employees, previewed before they apply.",
        ["Admin: units"] = "Agency admins: the unit tree, heads, time zones and offices on the map.",
        ["Admin: positions"] = "Agency admins: positions and their duty criteria.",
        ["Admin: employees"] = "Agency admins: employees and the eligibility facts the policy reads.",
        ["Admin: locations"] = "Agency admins: other offices and approved places of flexible work.",
        ["Admin: calendar"] = "Agency admins: holidays, mandatory office days and Ramadan.",
        ["Admin: policy"] = "Agency admins: policy versions, drafts, previews and publication.",
        ["Admin: audit"] = "Agency admins: the audit log.",
        ["Admin: integrations"] = "Agency admins: attendance-machine clients, their one-time secrets and revocation.",
    };

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "FlexWork API",
                Version = "v1",
                Description = "Flexible work for Indonesian civil servants (PermenPANRB 4/2025). People call it with a bearer token from POST /api/v1/auth/token; "
                    + "attendance machines with a client-credentials token from POST /api/v1/integrations/token.",
                License = new OpenApiLicense { Name = "Proprietary: the operating ministry's terms of use", Url = new Uri("https://flexwork.example.go.id/terms") },
            };
            document.Servers = [new OpenApiServer { Url = "/", Description = "This installation" }];
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
            {
                [BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "A person's token from POST /api/v1/auth/token (refreshed with POST /api/v1/auth/refresh).",
                },
                [ClientCredentialsScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.OAuth2,
                    Description = "An attendance machine's token: its client id and secret (made by an agency admin, shown once) exchanged at the token URL.",
                    Flows = new OpenApiOAuthFlows
                    {
                        ClientCredentials = new OpenApiOAuthFlow
                        {
                            TokenUrl = new Uri("/api/v1/integrations/token", UriKind.Relative),
                            Scopes = new Dictionary<string, string> { [IntegrationClient.PresenceScope] = "Write check-ins and check-outs of the client's agency." },
                        },
                    },
                },
            };
            var used = document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []).SelectMany(o => o.Tags?.AsEnumerable() ?? []).Select(t => t.Name).OfType<string>().ToHashSet();
            document.Tags = new HashSet<OpenApiTag>(used.Order(StringComparer.Ordinal).Select(name => new OpenApiTag { Name = name, Description = TagDescriptions.GetValueOrDefault(name) }));
            return Task.CompletedTask;
        });

        options.AddSchemaTransformer((schema, _, _) =>
        {
            // Enums travel as their names (JsonStringEnumConverter): say so, or generators read them as numbers.
            if (schema.Type is null && schema.Enum is { Count: > 0 } values && values.All(v => v is JsonValue name && name.TryGetValue<string>(out _)))
            {
                schema.Type = JsonSchemaType.String;
            }

            return Task.CompletedTask;
        });

        options.AddOperationTransformer((operation, context, _) =>
        {
            var description = context.Description;
            operation.OperationId ??= OperationId(description.HttpMethod ?? "GET", description.RelativePath ?? "");
            var metadata = description.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<IAllowAnonymous>().Any())
            {
                operation.Security = []; // said outright: no token (the sign-in routes)
            }
            else
            {
                var machine = metadata.OfType<IAuthorizeData>().Any(a => a.Policy == Policies.IntegrationClient);
                var scheme = new OpenApiSecuritySchemeReference(machine ? ClientCredentialsScheme : BearerScheme, context.Document);
                operation.Security = [new OpenApiSecurityRequirement { [scheme] = machine ? [IntegrationClient.PresenceScope] : [] }];
            }

            return Task.CompletedTask;
        });
    }

    /// <summary>"GET api/v1/presence/corrections/{id}/approve" → "getPresenceCorrectionsByIdApprove": stable, unique per route and method.</summary>
    public static string OperationId(string method, string path)
    {
        var id = new StringBuilder(method.ToLowerInvariant());
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries).SkipWhile(s => s is "api" or "v1"))
        {
            var word = segment.StartsWith('{') ? "By" + segment.Trim('{', '}').Split(':')[0] : segment;
            foreach (var part in word.Split('-', '.', '_').Where(p => p.Length > 0))
            {
                id.Append(char.ToUpper(part[0], CultureInfo.InvariantCulture)).Append(part[1..]);
            }
        }

        return id.ToString();
    }
}
