using System.Globalization;
using FlexWork.Application.Common;
using FlexWork.Application.Imports;
using FlexWork.Application.Requests;
using FlexWork.Domain.Common;
using FlexWork.Domain.Policies;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.Localization;

namespace FlexWork.Web.Localization;

public static class LocalizerExtensions
{
    /// <summary>The message of a broken domain rule, e.g. <c>Error.NIP_INVALID</c>.</summary>
    public static string Domain(this IStringLocalizer localizer, DomainException exception) =>
        localizer[$"Error.{exception.Code}", [.. exception.Arguments.Select(a => a is string text ? ReadableArgument(localizer, text) : a)]];

    /// <summary>
    /// A FluentValidation failure in the user's language: rules carry an error code that is the
    /// resource key; the validator's own text is the fallback.
    /// </summary>
    public static string Validation(this IStringLocalizer localizer, ValidationFailure failure)
    {
        var text = localizer[$"Error.{failure.ErrorCode}", failure.AttemptedValue ?? ""];
        return text.ResourceNotFound ? failure.ErrorMessage : text.Value;
    }

    /// <summary>
    /// What a page tells the user about an exception of the application, in their language, as
    /// the API's exception handler does for API callers; null for anything else (a bug, which
    /// the circuit's error boundary shows). Pages catch with <c>when (L.Problem(ex) is { } problem)</c>.
    /// </summary>
    public static string? Problem(this IStringLocalizer localizer, Exception exception) => exception switch
    {
        ValidationException validation => string.Join(" ", validation.Errors.Select(e => localizer.Validation(e)).Distinct()),
        RequestBlockedException => localizer["Request.Blocked"],
        DomainException domain => localizer.Domain(domain),
        ConcurrencyConflictException => localizer["Problem.Conflict"],
        DuplicateException => localizer["Problem.Duplicate"],
        ForbiddenAccessException { Reason: { } reason } => localizer[$"Error.{reason}"],
        ForbiddenAccessException => localizer["Problem.Forbidden"],
        NotFoundException => localizer["Problem.NotFound"],
        _ => null,
    };

    /// <summary>An import problem, e.g. <c>Import.NIP_INVALID</c>: "row 3, column nip: …" ("row 3: …" for the whole row).</summary>
    public static string ImportError(this IStringLocalizer localizer, ImportError error) => error.Column.Length == 0
        ? localizer["Import.ErrorAtRow", error.Row, localizer[$"Import.{error.Code}", [.. error.Arguments]]]
        : localizer["Import.ErrorAt", error.Row, error.Column, localizer[$"Import.{error.Code}", [.. error.Arguments]]];

    /// <summary>
    /// A policy finding, e.g. <c>Finding.WEEKLY_REMOTE_CAP</c>. Dates read as the user reads them;
    /// modes and statuses are translated (<c>Value.Home</c>).
    /// </summary>
    public static string Finding(this IStringLocalizer localizer, Finding finding) =>
        localizer[$"Finding.{finding.MessageKey}", [.. finding.Arguments.Select(a => ReadableArgument(localizer, a))]];

    private static string ReadableArgument(IStringLocalizer localizer, string argument)
    {
        if (argument.Length == 10 && DateOnly.TryParseExact(argument, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);
        }

        var value = localizer[$"Value.{argument}"];
        return value.ResourceNotFound ? argument : value.Value;
    }

    public static IReadOnlyList<CultureInfo> SupportedCultures { get; } = [new("id-ID"), new("en-US")];
}
