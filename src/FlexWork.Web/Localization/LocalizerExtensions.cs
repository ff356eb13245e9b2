using System.Globalization;
using FlexWork.Application.Imports;
using FlexWork.Domain.Common;
using FlexWork.Domain.Policies;
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

    /// <summary>An import problem, e.g. <c>Import.NIP_INVALID</c>: "row 3, column nip: …".</summary>
    public static string ImportError(this IStringLocalizer localizer, ImportError error) =>
        localizer["Import.ErrorAt", error.Row, error.Column, localizer[$"Import.{error.Code}", [.. error.Arguments]]];

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
