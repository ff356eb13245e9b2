using FlexWork.Application.Common;
using FlexWork.Application.Policies;
using FlexWork.Application.Requests;
using FlexWork.Application.Schedules.ViewSchedule;
using FlexWork.Domain.Locations;
using FlexWork.Domain.Policies;
using FlexWork.Domain.Presence;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Presence;

/// <summary>Where the schedule has a person on a day, and the area a check-in there is judged against (null: not on the map).</summary>
public sealed record PresencePlace(PresenceSlot Slot, string? Holiday, string? PlaceName, GeoArea? Area);

/// <summary>
/// The day's place of a person: the office unless an approved request says otherwise (a pending
/// one is not a permission yet); the unit's office (or the nearest unit above with one), the
/// approved location chosen, or the registered domicile.
/// </summary>
public static class PresencePlaces
{
    public static async Task<PresencePlace> OfAsync(IFlexWorkDbContext db, EmployeePlace person, DateOnly date, CancellationToken cancellationToken)
    {
        var planned = await db.WorkRequests.Where(r => r.EmployeeId == person.EmployeeId).ApprovedDays(date, date)
            .Select(d => new { d.Mode, d.LocationId })
            .FirstOrDefaultAsync(cancellationToken);
        var mode = planned?.Mode ?? WorkMode.Office;
        var day = (await ScheduleService.DaysAsync(db, person.UnitPath, date, date, cancellationToken))[0];
        var slot = new PresenceSlot(date, mode, day.IsWorkingDay);

        switch (mode)
        {
            case WorkMode.Home:
                var home = await db.Employees.AsNoTracking().Where(e => e.Id == person.EmployeeId)
                    .Select(e => new { e.Domicile, e.DomicileLatitude, e.DomicileLongitude, e.DomicileRadiusMeters })
                    .SingleAsync(cancellationToken);
                return new PresencePlace(slot, day.Holiday, home.Domicile, GeoArea.From(home.DomicileLatitude, home.DomicileLongitude, home.DomicileRadiusMeters));
            case WorkMode.OtherOffice or WorkMode.OtherLocation when planned?.LocationId is { } locationId:
                var location = await db.ApprovedLocations.AsNoTracking().Where(l => l.Id == locationId)
                    .Select(l => new { l.Name, l.Latitude, l.Longitude, l.RadiusMeters })
                    .SingleOrDefaultAsync(cancellationToken);
                return new PresencePlace(slot, day.Holiday, location?.Name, location is null ? null : GeoArea.From(location.Latitude, location.Longitude, location.RadiusMeters));
            case WorkMode.OtherOffice or WorkMode.OtherLocation:
                return new PresencePlace(slot, day.Holiday, null, null); // a one-off address: nothing on the map to compare with
            default:
                var path = person.UnitPath.ToList();
                var units = await db.OrganizationUnits.AsNoTracking().Where(u => path.Contains(u.Id))
                    .Select(u => new { u.Id, u.Name, u.OfficeLatitude, u.OfficeLongitude, u.OfficeRadiusMeters })
                    .ToListAsync(cancellationToken);
                var office = path.Select(id => units.Single(u => u.Id == id)).FirstOrDefault(u => u.OfficeLatitude is not null) ?? units.Single(u => u.Id == person.UnitId);
                return new PresencePlace(slot, day.Holiday, office.Name, GeoArea.From(office.OfficeLatitude, office.OfficeLongitude, office.OfficeRadiusMeters));
        }
    }
}
