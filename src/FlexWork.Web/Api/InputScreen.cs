using System.Buffers;
using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using FlexWork.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace FlexWork.Web.Api;

/// <summary>
/// What every API route refuses before its handler runs, as a 400 that says why: control
/// characters (other than tab and line breaks) in any text — query, route or body, however deep —
/// and null items in lists. A NUL cannot even be stored in PostgreSQL; the rest only ever arrive
/// by accident or attack. Bodies are screened after binding, so the JSON contract and the OpenAPI
/// document stay those of the plain types.
/// </summary>
internal static class InputScreen
{
    private const int MaxDepth = 8;

    private static readonly SearchValues<char> Refused =
        SearchValues.Create([.. Enumerable.Range(0, 32).Select(c => (char)c).Where(c => c is not '\t' and not '\n' and not '\r'), '\u007F']);

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Members = new();

    public static bool HasControlCharacters(string? text) => text is not null && text.AsSpan().ContainsAny(Refused);

    /// <summary>The filter for a group of routes: screens the query, the route values and the arguments bound from the request.</summary>
    public static EndpointFilterDelegate Factory(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var services = context.ApplicationServices.GetService<IServiceProviderIsService>();
        var bound = context.MethodInfo.GetParameters()
            .Select((parameter, index) => (parameter.ParameterType, index))
            .Where(p => IsScreened(p.ParameterType) && services?.IsService(p.ParameterType) != true)
            .Select(p => p.index)
            .ToArray();

        return async invocation =>
        {
            var request = invocation.HttpContext.Request;
            var refusal = request.Query.Any(q => HasControlCharacters(q.Key) || q.Value.Any(HasControlCharacters))
                          || request.RouteValues.Any(r => r.Value is string value && HasControlCharacters(value))
                ? "Problem.ControlCharacters"
                : bound.Select(i => Screen(invocation.Arguments[i], 0)).FirstOrDefault(r => r is not null);
            return refusal is null ? await next(invocation) : Problem(invocation.HttpContext, refusal);
        };
    }

    private static bool IsScreened(Type type) =>
        type == typeof(string) || (type.Namespace?.StartsWith("FlexWork", StringComparison.Ordinal) == true && !type.IsEnum)
        || (typeof(IEnumerable).IsAssignableFrom(type) && type.Namespace?.StartsWith("Microsoft", StringComparison.Ordinal) != true);

    /// <summary>The resource key of what is wrong with the value, or null when nothing is.</summary>
    private static string? Screen(object? value, int depth)
    {
        switch (value)
        {
            case null or ValueType:
                return null;
            case string text:
                return HasControlCharacters(text) ? "Problem.ControlCharacters" : null;
            case IEnumerable items when depth < MaxDepth:
                foreach (var item in items)
                {
                    if ((item is null ? "Problem.NullItem" : Screen(item, depth + 1)) is { } refusal)
                    {
                        return refusal;
                    }
                }

                return null;
            default:
                var type = value.GetType();
                if (depth >= MaxDepth || type.Namespace?.StartsWith("FlexWork", StringComparison.Ordinal) != true)
                {
                    return null;
                }

                return MembersOf(type).Select(m => Screen(m.GetValue(value), depth + 1)).FirstOrDefault(r => r is not null);
        }
    }

    private static PropertyInfo[] MembersOf(Type type) =>
        Members.GetOrAdd(type, t => [.. t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0)]);

    private static ProblemHttpResult Problem(HttpContext context, string refusal)
    {
        var localizer = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        return TypedResults.Problem(localizer[refusal], statusCode: StatusCodes.Status400BadRequest, title: localizer["Problem.Validation"]);
    }
}
