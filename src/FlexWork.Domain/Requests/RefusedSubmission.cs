using FlexWork.Domain.Common;
using FlexWork.Domain.Policies;

namespace FlexWork.Domain.Requests;

/// <summary>
/// A submission the policy refused: no request is saved then, so the refusal is kept on its own,
/// for the monitoring's policy exceptions (which rules stop people, how often). The rule codes
/// only, never the request's content.
/// </summary>
public sealed class RefusedSubmission : IAgencyOwned
{
    private RefusedSubmission()
    {
        RuleCodes = [];
    }

    public Guid AgencyId { get; private set; }

    public Guid Id { get; private set; }

    public Guid EmployeeId { get; private set; }

    public DateTimeOffset AttemptedAt { get; private set; }

    /// <summary>The codes of the blocking findings, each once.</summary>
    public string[] RuleCodes { get; private set; }

    public static RefusedSubmission Of(Guid agencyId, Guid employeeId, IEnumerable<Finding> findings, DateTimeOffset at) => new()
    {
        AgencyId = agencyId,
        Id = Guid.CreateVersion7(at),
        EmployeeId = employeeId,
        AttemptedAt = at.ToUniversalTime(),
        RuleCodes = [.. findings.Where(f => f.Severity == FindingSeverity.Block).Select(f => f.Code).Distinct().Order(StringComparer.Ordinal)],
    };
}
