using System.Text.Json.Nodes;
using FlexWork.Application.Accounts.InviteEmployee;
using FlexWork.Application.Common;
using FlexWork.Domain.Common;
using FlexWork.Domain.Policies;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Policies.ManagePolicy;

/// <summary>
/// The agency's draft. <see cref="Version"/> 0 means there is no saved draft yet (a save creates it).
/// <see cref="AgencyToday"/> is the earliest date it can take effect.
/// </summary>
public sealed record PolicyDraft(PolicySettings Settings, int? BasedOnNumber, DateTimeOffset? UpdatedAt, uint Version, DateOnly AgencyToday);

public sealed record PolicyVersionSummary(
    int Number, DateOnly EffectiveFrom, string LegalReference, DateTimeOffset PublishedAt, string? PublishedBy, bool InForce);

/// <param name="Version">The draft's version as the admin saw it: a draft saved by someone else since is not published (409).</param>
public sealed record PublishInput(DateOnly EffectiveFrom, string? LegalReference, uint Version);

/// <summary>One setting that differs between two versions, by its JSON path (e.g. <c>caps.remoteDaysPerWeek</c>).</summary>
public sealed record PolicyChange(string Path, string? Before, string? After);

/// <summary>
/// Agency admins keep their flexible-work policy: edit one draft, publish it as a numbered,
/// immutable version with an effective date and legal reference, browse and compare versions.
/// </summary>
public sealed class PolicyAdministration(
    IFlexWorkDbContextFactory dbFactory,
    ICurrentUser currentUser,
    IIdentityService identity,
    TimeProvider timeProvider,
    IValidator<PolicySettings> validator)
{
    /// <summary>Number 0 in a diff: the draft.</summary>
    public const int DraftNumber = 0;

    public async Task<PolicyDraft> GetDraftAsync(CancellationToken cancellationToken = default)
    {
        currentUser.RequireAgencyAdmin();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var today = await AgencyTodayAsync(db, timeProvider.GetUtcNow(), cancellationToken);
        if (await db.PolicyVersions.AsNoTracking().SingleOrDefaultAsync(p => p.Status == PolicyVersionStatus.Draft, cancellationToken) is { } draft)
        {
            return new PolicyDraft(draft.Settings, draft.BasedOnNumber, draft.UpdatedAt, draft.Version, today);
        }

        // No draft yet: offer the latest published version (or the regulation template) to start from.
        var latest = await LatestPublishedAsync(db, cancellationToken);
        return new PolicyDraft(latest?.Settings ?? PolicySettings.Regulation, latest?.Number, null, 0, today);
    }

    /// <param name="version">The draft version the admin edited (0 when there was no draft).</param>
    public async Task<PolicyDraft> SaveDraftAsync(PolicySettings settings, uint version, CancellationToken cancellationToken = default)
    {
        var agencyId = currentUser.RequireAgencyAdmin();
        await validator.ValidateAndThrowAsync(settings, cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        await EnsureUnitsExistAsync(db, settings, cancellationToken);

        var now = timeProvider.GetUtcNow();
        var draft = await db.PolicyVersions.SingleOrDefaultAsync(p => p.Status == PolicyVersionStatus.Draft, cancellationToken);
        if (draft is null)
        {
            if (version != 0)
            {
                throw new ConcurrencyConflictException("The draft was published or discarded meanwhile.");
            }

            draft = PolicyVersion.CreateDraft(agencyId, settings, (await LatestPublishedAsync(db, cancellationToken))?.Number, now);
            db.PolicyVersions.Add(draft);
        }
        else
        {
            db.ExpectVersion(draft, version);
            draft.Edit(settings, now);
        }

        await db.SaveChangesAsync(cancellationToken); // a second draft racing this one hits the one-draft index
        return new PolicyDraft(draft.Settings, draft.BasedOnNumber, draft.UpdatedAt, draft.Version, await AgencyTodayAsync(db, now, cancellationToken));
    }

    /// <summary>Drops the draft; the next edit starts again from the latest published version.</summary>
    public async Task DiscardDraftAsync(uint version, CancellationToken cancellationToken = default)
    {
        currentUser.RequireAgencyAdmin();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var draft = await db.PolicyVersions.SingleOrDefaultAsync(p => p.Status == PolicyVersionStatus.Draft, cancellationToken)
            ?? throw new DomainException("POLICY_NO_DRAFT");
        db.ExpectVersion(draft, version);
        db.PolicyVersions.Remove(draft);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<PolicyVersionSummary> PublishAsync(PublishInput input, CancellationToken cancellationToken = default)
    {
        currentUser.RequireAgencyAdmin();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var draft = await db.PolicyVersions.SingleOrDefaultAsync(p => p.Status == PolicyVersionStatus.Draft, cancellationToken)
            ?? throw new DomainException("POLICY_NO_DRAFT");
        db.ExpectVersion(draft, input.Version);

        // Checked again: the draft was valid when saved, but units may have gone since.
        await validator.ValidateAndThrowAsync(draft.Settings, cancellationToken);
        await EnsureUnitsExistAsync(db, draft.Settings, cancellationToken);

        var number = (await db.PolicyVersions.Where(p => p.Status == PolicyVersionStatus.Published).MaxAsync(p => (int?)p.Number, cancellationToken) ?? 0) + 1;
        var now = timeProvider.GetUtcNow();
        draft.Publish(number, input.EffectiveFrom, input.LegalReference, await AgencyTodayAsync(db, now, cancellationToken), now, currentUser.UserId);
        await db.SaveChangesAsync(cancellationToken); // two admins publishing at once: the unique number index lets one win
        return (await ListVersionsAsync(cancellationToken)).Single(v => v.Number == number);
    }

    public async Task<IReadOnlyList<PolicyVersionSummary>> ListVersionsAsync(CancellationToken cancellationToken = default)
    {
        currentUser.RequireAgencyAdmin();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var today = await AgencyTodayAsync(db, timeProvider.GetUtcNow(), cancellationToken);
        var versions = await db.PolicyVersions.AsNoTracking()
            .Where(p => p.Status == PolicyVersionStatus.Published)
            .OrderByDescending(p => p.Number)
            .Select(p => new { p.Number, p.EffectiveFrom, p.LegalReference, p.PublishedAt, p.PublishedByUserId })
            .ToListAsync(cancellationToken);
        var emails = await identity.EmailsAsync([.. versions.Select(v => v.PublishedByUserId).OfType<string>().Distinct()], cancellationToken);
        var inForce = versions.Where(v => v.EffectiveFrom <= today).OrderByDescending(v => v.EffectiveFrom).ThenByDescending(v => v.Number)
            .Select(v => (int?)v.Number).FirstOrDefault();
        return [.. versions.Select(v => new PolicyVersionSummary(v.Number, v.EffectiveFrom!.Value, v.LegalReference!, v.PublishedAt!.Value,
            v.PublishedByUserId is { } by ? emails.GetValueOrDefault(by) : null, v.Number == inForce))];
    }

    /// <summary>The settings of a published version, or of the draft for <see cref="DraftNumber"/>.</summary>
    public async Task<PolicySettings> GetSettingsAsync(int number, CancellationToken cancellationToken = default)
    {
        currentUser.RequireAgencyAdmin();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        if (number == DraftNumber)
        {
            return (await GetDraftAsync(cancellationToken)).Settings;
        }

        return await db.PolicyVersions.AsNoTracking()
            .Where(p => p.Status == PolicyVersionStatus.Published && p.Number == number)
            .Select(p => p.Settings)
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("PolicyVersion", number);
    }

    /// <summary>What changed from one version to another (either may be <see cref="DraftNumber"/>).</summary>
    public async Task<IReadOnlyList<PolicyChange>> DiffAsync(int from, int to, CancellationToken cancellationToken = default) =>
        Diff(await GetSettingsAsync(from, cancellationToken), await GetSettingsAsync(to, cancellationToken));

    public static IReadOnlyList<PolicyChange> Diff(PolicySettings before, PolicySettings after)
    {
        var left = Flatten(JsonNode.Parse(PolicyJson.Serialize(before)));
        var right = Flatten(JsonNode.Parse(PolicyJson.Serialize(after)));
        return
        [
            .. left.Keys.Union(right.Keys).Order(StringComparer.Ordinal)
                .Select(path => new PolicyChange(path, left.GetValueOrDefault(path), right.GetValueOrDefault(path)))
                .Where(c => c.Before != c.After),
        ];
    }

    /// <summary>Leaves of the JSON by path; lists compare as a whole (their order matters little, their content does).</summary>
    private static Dictionary<string, string?> Flatten(JsonNode? node, string path = "", Dictionary<string, string?>? into = null)
    {
        into ??= new Dictionary<string, string?>(StringComparer.Ordinal);
        if (node is JsonObject obj)
        {
            foreach (var (key, value) in obj)
            {
                Flatten(value, path.Length == 0 ? key : $"{path}.{key}", into);
            }
        }
        else
        {
            into[path] = node?.ToJsonString(PolicyJson.Options);
        }

        return into;
    }

    private static Task<PolicyVersion?> LatestPublishedAsync(IFlexWorkDbContext db, CancellationToken cancellationToken) =>
        db.PolicyVersions.AsNoTracking().Where(p => p.Status == PolicyVersionStatus.Published)
            .OrderByDescending(p => p.Number).FirstOrDefaultAsync(cancellationToken);

    private async Task<DateOnly> AgencyTodayAsync(IFlexWorkDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var agencyId = currentUser.RequireAgency();
        var timeZone = await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.TimeZoneId).SingleAsync(cancellationToken);
        return PolicyCheckContext.TodayIn(now, timeZone);
    }

    private static async Task EnsureUnitsExistAsync(IFlexWorkDbContext db, PolicySettings settings, CancellationToken cancellationToken)
    {
        var ids = settings.UnitOverrides.Select(u => u.UnitId).ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var known = await db.OrganizationUnits.Where(u => ids.Contains(u.Id)).Select(u => u.Id).ToListAsync(cancellationToken);
        var unknown = ids.Except(known).ToList();
        if (unknown.Count > 0)
        {
            throw new ValidationException([new ValidationFailure("UnitOverrides", "Unknown unit.") { ErrorCode = "POLICY_UNIT_UNKNOWN" }]);
        }
    }
}
