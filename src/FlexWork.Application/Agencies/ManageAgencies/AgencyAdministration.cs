using FlexWork.Application.Accounts.InviteEmployee;
using FlexWork.Application.Common;
using FlexWork.Domain.Agencies;
using FlexWork.Domain.Calendar;
using FlexWork.Domain.Common;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Agencies.ManageAgencies;

public sealed record CreateAgencyInput(string Code, string Name, string TimeZoneId, string AdminEmail);

public sealed record CreatedAgency(Guid Id, InvitationToken AdminInvitation);

public sealed class CreateAgencyInputValidator : AbstractValidator<CreateAgencyInput>
{
    public CreateAgencyInputValidator()
    {
        RuleFor(x => x.Code).NotEmpty().WithErrorCode("AGENCY_CODE_REQUIRED")
            .Matches("^[A-Za-z][A-Za-z0-9-]{1,19}$").WithErrorCode("AGENCY_CODE_INVALID");
        RuleFor(x => x.Name).NotEmpty().WithErrorCode("NAME_REQUIRED").MaximumLength(200).WithErrorCode("NAME_TOO_LONG");
        RuleFor(x => x.TimeZoneId).Must(tz => IndonesianTimeZones.All.Contains(tz)).WithErrorCode("TIME_ZONE_INVALID");
        RuleFor(x => x.AdminEmail).NotEmpty().WithErrorCode("EMAIL_REQUIRED").EmailAddress().WithErrorCode("EMAIL_INVALID");
    }
}

/// <summary>
/// The platform admin's job: open an agency with its first admin, and close it. Nothing here
/// reads an agency's people.
/// </summary>
public sealed class AgencyAdministration(
    IFlexWorkDbContextFactory dbFactory, ICurrentUser currentUser, IIdentityService identity, IValidator<CreateAgencyInput> validator)
{
    public async Task<CreatedAgency> CreateAsync(CreateAgencyInput input, CancellationToken cancellationToken = default)
    {
        currentUser.RequireRole(Roles.PlatformAdmin);
        await validator.ValidateAndThrowAsync(input, cancellationToken);

        // One transaction: an agency never exists without its first admin.
        return await dbFactory.InTransactionAsync(
            async (db, ct) =>
            {
                var agency = Agency.Create(input.Code, input.Name, input.TimeZoneId);
                if (await db.Agencies.AnyAsync(a => a.Code == agency.Code, ct))
                {
                    throw new DomainException("AGENCY_CODE_IN_USE", agency.Code);
                }

                // Checked before anything is saved, so a taken e-mail leaves no agency without an admin.
                if (await identity.UserIdByEmailAsync(input.AdminEmail, ct) is not null)
                {
                    throw new DomainException("EMAIL_IN_USE", input.AdminEmail);
                }

                db.Agencies.Add(agency);
                db.CalendarEntries.AddRange(NationalCalendar.For(agency.Id)); // the shipped holidays, for the admin to correct
                db.RamadanPeriods.AddRange(NationalCalendar.RamadanFor(agency.Id));
                await db.SaveChangesAsync(ct);
                var invitation = await identity.CreateAgencyAdminAsync(db, agency.Id, input.AdminEmail, ct);
                return new CreatedAgency(agency.Id, invitation);
            },
            cancellationToken);
    }

    /// <summary>A deactivated agency's people can no longer sign in and their sessions end; its data stays.</summary>
    public Task DeactivateAsync(Guid agencyId, CancellationToken cancellationToken = default) =>
        ChangeAsync(agencyId, a => a.Deactivate(), endSessions: true, cancellationToken);

    public Task ReactivateAsync(Guid agencyId, CancellationToken cancellationToken = default) =>
        ChangeAsync(agencyId, a => a.Reactivate(), endSessions: false, cancellationToken);

    private Task ChangeAsync(Guid agencyId, Action<Agency> change, bool endSessions, CancellationToken cancellationToken)
    {
        currentUser.RequireRole(Roles.PlatformAdmin);
        return dbFactory.InTransactionAsync(
            async (db, ct) =>
            {
                var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Id == agencyId, ct) ?? throw new NotFoundException("Agency", agencyId);
                change(agency);
                await db.SaveChangesAsync(ct);
                if (endSessions)
                {
                    await identity.EndAgencySessionsAsync(db, agencyId, ct); // with the change, or not at all
                }
            },
            cancellationToken);
    }
}
