using FlexWork.Application.Common;
using FlexWork.Domain.Calendar;
using FlexWork.Domain.Common;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Calendar.ManageCalendar;

public sealed record CalendarItem(Guid Id, DateOnly Date, CalendarEntryKind Kind, string Name, Guid? UnitId, string? UnitName);

/// <summary>A holiday or mandatory office day; <see cref="UnitId"/> narrows it to a unit and the units under it.</summary>
public sealed record CalendarInput(DateOnly Date, CalendarEntryKind Kind, string Name, Guid? UnitId = null);

public sealed class CalendarInputValidator : AbstractValidator<CalendarInput>
{
    public CalendarInputValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithErrorCode("NAME_REQUIRED").MaximumLength(CalendarEntry.MaxNameLength).WithErrorCode("NAME_TOO_LONG");
        RuleFor(x => x.Kind).IsInEnum().WithErrorCode("CALENDAR_KIND_INVALID");
        RuleFor(x => x.Date).InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31)).WithErrorCode("DATE_INVALID");
    }
}

public sealed record RamadanItem(Guid Id, DateOnly From, DateOnly To, string Name)
{
    public int Days => To.DayNumber - From.DayNumber + 1;
}

/// <param name="YearsWithout">This year and the next, in the agency's time zone, when no Ramadan is set for them: the policy's Ramadan hours would not apply.</param>
public sealed record RamadanCalendar(IReadOnlyList<RamadanItem> Periods, IReadOnlyList<int> YearsWithout);

public sealed record RamadanInput(DateOnly From, DateOnly To, string Name);

public sealed class RamadanInputValidator : AbstractValidator<RamadanInput>
{
    public RamadanInputValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithErrorCode("NAME_REQUIRED").MaximumLength(RamadanPeriod.MaxNameLength).WithErrorCode("NAME_TOO_LONG");
        RuleFor(x => x.From).InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31)).WithErrorCode("DATE_INVALID");
        RuleFor(x => x.To).InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31)).WithErrorCode("DATE_INVALID");
    }
}

/// <summary>
/// The agency's calendar: the national days shipped with FlexWork (correctable), its own holidays
/// and mandatory office days, and the days of Ramadan on which the policy's Ramadan hours apply.
/// </summary>
public sealed class CalendarAdministration(
    IFlexWorkDbContextFactory dbFactory, ICurrentUser currentUser, TimeProvider timeProvider, IValidator<CalendarInput> validator,
    IValidator<RamadanInput> ramadanValidator)
{
    public async Task<IReadOnlyList<CalendarItem>> ListAsync(int year, CancellationToken cancellationToken = default)
    {
        currentUser.RequireAgencyAdmin();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        DateOnly from = new(Math.Clamp(year, 2000, 2100), 1, 1), to = from.AddYears(1);
        return await db.CalendarEntries.AsNoTracking()
            .Where(c => c.Date >= from && c.Date < to)
            .OrderBy(c => c.Date).ThenBy(c => c.Name)
            .Select(c => new CalendarItem(
                c.Id, c.Date, c.Kind, c.Name, c.UnitId, db.OrganizationUnits.Where(u => u.Id == c.UnitId).Select(u => u.Name).FirstOrDefault()))
            .ToListAsync(cancellationToken);
    }

    public async Task<Guid> AddAsync(CalendarInput input, CancellationToken cancellationToken = default)
    {
        var agencyId = currentUser.RequireAgencyAdmin();
        await validator.ValidateAndThrowAsync(input, cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        if (input.UnitId is { } unitId && !await db.OrganizationUnits.AnyAsync(u => u.Id == unitId, cancellationToken))
        {
            throw new NotFoundException("OrganizationUnit", unitId);
        }

        var entry = CalendarEntry.Create(agencyId, input.Date, input.Kind, input.Name, input.UnitId);
        db.CalendarEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return entry.Id;
    }

    public async Task DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        currentUser.RequireAgencyAdmin();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var entry = await db.CalendarEntries.SingleOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFoundException("CalendarEntry", id);
        db.CalendarEntries.Remove(entry);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<RamadanCalendar> RamadanAsync(CancellationToken cancellationToken = default)
    {
        var agencyId = currentUser.RequireAgencyAdmin();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var periods = await db.RamadanPeriods.AsNoTracking().OrderBy(r => r.From)
            .Select(r => new RamadanItem(r.Id, r.From, r.To, r.Name)).ToListAsync(cancellationToken);
        var timeZone = await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.TimeZoneId).SingleAsync(cancellationToken);
        var year = Domain.Policies.PolicyCheckContext.TodayIn(timeProvider.GetUtcNow(), timeZone).Year;
        return new RamadanCalendar(periods, [.. new[] { year, year + 1 }.Where(y => !periods.Any(p => p.From.Year == y || p.To.Year == y))]);
    }

    public async Task<Guid> AddRamadanAsync(RamadanInput input, CancellationToken cancellationToken = default)
    {
        var agencyId = currentUser.RequireAgencyAdmin();
        await ramadanValidator.ValidateAndThrowAsync(input, cancellationToken);
        var period = RamadanPeriod.Create(agencyId, input.From, input.To, input.Name);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        if (await db.RamadanPeriods.AnyAsync(r => r.From <= input.To && r.To >= input.From, cancellationToken))
        {
            throw new DomainException("RAMADAN_PERIOD_OVERLAP");
        }

        db.RamadanPeriods.Add(period);
        await db.SaveChangesAsync(cancellationToken); // two admins adding the same start at once: the unique index refuses one (409)
        return period.Id;
    }

    public async Task DeleteRamadanAsync(Guid id, CancellationToken cancellationToken = default)
    {
        currentUser.RequireAgencyAdmin();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var period = await db.RamadanPeriods.SingleOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new NotFoundException("RamadanPeriod", id);
        db.RamadanPeriods.Remove(period);
        await db.SaveChangesAsync(cancellationToken);
    }
}
