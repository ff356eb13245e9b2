using FlexWork.Application.Common;
using FlexWork.Domain.Calendar;
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

/// <summary>The agency's calendar: the national days shipped with FlexWork (correctable), its own holidays and mandatory office days.</summary>
public sealed class CalendarAdministration(IFlexWorkDbContextFactory dbFactory, ICurrentUser currentUser, IValidator<CalendarInput> validator)
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
}
