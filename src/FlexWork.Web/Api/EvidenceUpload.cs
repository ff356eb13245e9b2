using FlexWork.Domain.Common;
using Microsoft.AspNetCore.Http.Features;

namespace FlexWork.Web.Api;

/// <summary>How an evidence file arrives over the API, for a request or a work report: the file as the body, its name in <c>X-File-Name</c>.</summary>
internal static class EvidenceUpload
{
    public const string Summary = "the file as the body (PDF, JPEG or PNG by content, at most 5 MB), its name in X-File-Name";

    /// <summary>
    /// Refuses a body announced over the limit before a byte is read (one without a length stops
    /// at the limit as it is read) and gives the file's name.
    /// </summary>
    public static string Accept(HttpContext context)
    {
        if (context.Request.ContentLength > EvidenceFile.MaxBytes)
        {
            throw new DomainException("EVIDENCE_TOO_LARGE", EvidenceFile.MaxMegabytes);
        }

        context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize = 2 * EvidenceFile.MaxBytes;
        var fileName = context.Request.Headers["X-File-Name"].ToString();
        return string.IsNullOrWhiteSpace(fileName) ? "bukti" : fileName;
    }

    public static RouteHandlerBuilder AcceptsEvidence(this RouteHandlerBuilder builder) =>
        builder.Accepts<byte[]>("application/pdf", "image/jpeg", "image/png")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status404NotFound);
}
