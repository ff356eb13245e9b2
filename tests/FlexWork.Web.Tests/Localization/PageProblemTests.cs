using FlexWork.Application.Common;
using FlexWork.Application.Requests;
using FlexWork.Domain.Common;
using FlexWork.Web.Localization;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using FlexWork.Web.Tests.Components;

namespace FlexWork.Web.Tests.Localization;

/// <summary>The one mapper pages use: every exception the application throws for a user's mistake or a race reads as a sentence in both languages.</summary>
public class PageProblemTests
{
    private static readonly IStringLocalizer L = new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(SharedResource));

    public static TheoryData<string> Problems() => [.. Cases().Keys];

    [Theory]
    [MemberData(nameof(Problems))]
    public void Each_application_exception_reads_as_a_message_in_indonesian_and_in_english(string name)
    {
        var exception = Cases()[name];
        string indonesian, english;
        using (new CultureScope("id-ID"))
        {
            indonesian = L.Problem(exception)!;
        }

        using (new CultureScope("en-US"))
        {
            english = L.Problem(exception)!;
        }

        Assert.False(string.IsNullOrWhiteSpace(indonesian));
        Assert.DoesNotContain("Error.", indonesian, StringComparison.Ordinal); // a resource, not its key
        Assert.DoesNotContain("Problem.", indonesian, StringComparison.Ordinal);
        Assert.NotEqual(indonesian, english);
    }

    [Fact]
    public void Anything_else_is_left_to_the_error_boundary()
    {
        Assert.Null(L.Problem(new InvalidOperationException("a bug")));
        Assert.Null(L.Problem(new TimeoutException()));
    }

    private static Dictionary<string, Exception> Cases() => new()
    {
        ["validation"] = new ValidationException([new ValidationFailure("Nip", "x") { ErrorCode = "NIP_INVALID" }]),
        ["blocked"] = new RequestBlockedException([]),
        ["domain"] = new DomainException("REQUEST_COMMENT_REQUIRED"),
        ["conflict"] = new ConcurrencyConflictException("changed"),
        ["duplicate"] = new DuplicateException("ix_employees_agency_id_nip"),
        ["forbidden with a reason"] = new ForbiddenAccessException("REQUEST_OWN_DECISION"),
        ["forbidden"] = new ForbiddenAccessException(),
        ["not found"] = new NotFoundException("WorkRequest", Guid.Empty),
    };
}
