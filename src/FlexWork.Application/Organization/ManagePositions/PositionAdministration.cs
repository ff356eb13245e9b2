using FlexWork.Application.Common;
using FlexWork.Domain.Organization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Organization.ManagePositions;

public sealed record PositionItem(Guid Id, string Name, PositionKind Kind, DutyCriteria Criteria, bool IsFlexibleWorkEligible, int EmployeeCount, uint Version);

/// <summary>Create or change a position with its Pasal 23 checklist.</summary>
public sealed record PositionInput(string Name, PositionKind Kind, DutyCriteria Criteria, uint Version = 0);

public sealed class PositionInputValidator : AbstractValidator<PositionInput>
{
    public PositionInputValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithErrorCode("NAME_REQUIRED").MaximumLength(200).WithErrorCode("NAME_TOO_LONG");
        RuleFor(x => x.Kind).IsInEnum().WithErrorCode("POSITION_KIND_INVALID");
        RuleFor(x => x.Criteria).NotNull().WithErrorCode("CRITERIA_REQUIRED");
    }
}

/// <summary>Positions (jabatan) of the agency; the duty checklist decides flexible-work eligibility.</summary>
public sealed class PositionAdministration(IFlexWorkDbContextFactory dbFactory, ICurrentUser currentUser, IValidator<PositionInput> validator)
{
    public async Task<IReadOnlyList<PositionItem>> ListAsync(CancellationToken cancellationToken = default)
    {
        currentUser.RequireAgencyAdmin();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return await db.Positions.AsNoTracking()
            .OrderBy(p => p.Name)
            .Select(p => new PositionItem(p.Id, p.Name, p.Kind, p.Criteria, p.IsFlexibleWorkEligible, db.Employees.Count(e => e.PositionId == p.Id && e.IsActive), p.Version))
            .ToListAsync(cancellationToken);
    }

    public async Task<Guid> CreateAsync(PositionInput input, CancellationToken cancellationToken = default)
    {
        var agencyId = currentUser.RequireAgencyAdmin();
        await validator.ValidateAndThrowAsync(input, cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var position = Position.Create(agencyId, input.Name, input.Kind, input.Criteria);
        db.Positions.Add(position);
        await db.SaveChangesAsync(cancellationToken);
        return position.Id;
    }

    public async Task UpdateAsync(Guid id, PositionInput input, CancellationToken cancellationToken = default)
    {
        currentUser.RequireAgencyAdmin();
        await validator.ValidateAndThrowAsync(input, cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var position = await db.Positions.SingleOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFoundException("Position", id);
        db.ExpectVersion(position, input.Version);
        position.Update(input.Name, input.Kind, input.Criteria);
        await db.SaveChangesAsync(cancellationToken);
    }
}
