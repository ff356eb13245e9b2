using System.Text.Json;
using FlexWork.Application.Common;
using FlexWork.Application.Requests;
using FlexWork.Domain.Common;
using FlexWork.Web.Localization;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace FlexWork.Web.Api;

/// <summary>
/// Turns the application's exceptions into ProblemDetails for API callers: a user mistake is
/// never a 500. Messages are in the caller's language; <c>errors</c> is keyed by field or rule code.
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problemDetails, IStringLocalizer<SharedResource> localizer) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // Outside Development the middleware has already pointed the request at the error page;
        // the feature keeps the path the caller asked for.
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value;
        if (!new PathString(path).StartsWithSegments("/api"))
        {
            return false;
        }

        var problem = exception switch
        {
            ValidationException validation => new ValidationProblemDetails(
                validation.Errors
                    .GroupBy(e => e.PropertyName)
                    .ToDictionary(g => g.Key, g => g.Select(e => localizer.Validation(e)).ToArray()))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = localizer["Problem.Validation"],
            },
            RequestBlockedException blocked => new ValidationProblemDetails(
                blocked.Findings.Where(f => f.Severity == Domain.Policies.FindingSeverity.Block)
                    .GroupBy(f => f.Code)
                    .ToDictionary(g => g.Key, g => g.Select(f => localizer.Finding(f)).ToArray()))
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = localizer["Problem.RequestBlocked"],
            },
            DomainException domain => new ValidationProblemDetails(
                new Dictionary<string, string[]> { [domain.Code] = [localizer.Domain(domain)] })
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = localizer["Problem.Rule"],
            },
            // A NUL that reached the database (which cannot store one) past the input screen.
            PostgresException { SqlState: PostgresErrorCodes.CharacterNotInRepertoire } => new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = localizer["Problem.Validation"],
                Detail = localizer["Problem.ControlCharacters"],
            },
            // Unreadable JSON, a missing body or member: the caller's mistake, explained (with the
            // member's JSON path when there is one), never a 500.
            BadHttpRequestException { InnerException: JsonException json } bad => new ValidationProblemDetails(
                new Dictionary<string, string[]> { [StrictJson.MemberPath(json)] = [localizer["Problem.UnreadableMember"]] })
            {
                Status = bad.StatusCode,
                Title = localizer["Problem.Validation"],
                Detail = localizer["Problem.UnreadableBody"],
            },
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = localizer["Problem.Validation"],
                Detail = localizer["Problem.UnreadableBody"],
            },
            ConcurrencyConflictException => new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = localizer["Problem.Conflict"] },
            // Two people saving the same key at once: the database's unique index settled it.
            DuplicateException => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = localizer["Problem.Conflict"],
                Detail = localizer["Problem.Duplicate"],
            },
            ForbiddenAccessException forbidden => new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = localizer["Problem.Forbidden"],
                Detail = forbidden.Reason is { } reason ? localizer[$"Error.{reason}"].Value : null,
            },
            NotFoundException => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = localizer["Problem.NotFound"] },
            _ => null,
        };

        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }
}
