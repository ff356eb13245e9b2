using FlexWork.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Profiles.GetMyProfile;

public sealed record MyProfile(
    string UserId,
    Guid? EmployeeId,
    string? Nip,
    string? FullName,
    string? Email,
    string? AgencyCode,
    string? AgencyName,
    string? UnitName,
    string? PositionName,
    string? SupervisorName,
    string? SupervisorEmail,
    IReadOnlyList<string> Roles,
    bool SupervisesAnyone,
    bool HeadsUnit);

/// <summary>"Who am I": the home page and <c>GET /api/v1/me</c>.</summary>
public sealed class MyProfileService(IFlexWorkDbContextFactory dbFactory, ICurrentUser currentUser, OrgRightsService orgRights)
{
    public async Task<MyProfile> GetAsync(CancellationToken cancellationToken = default)
    {
        var userId = currentUser.UserId ?? throw new ForbiddenAccessException();
        await using var db = await dbFactory.CreateAsync(cancellationToken);

        var agency = currentUser.AgencyId is { } agencyId
            ? await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => new { a.Code, a.Name }).SingleOrDefaultAsync(cancellationToken)
            : null;

        var employee = currentUser.EmployeeId is { } employeeId
            ? await (from e in db.Employees.AsNoTracking()
                     where e.Id == employeeId
                     join u in db.OrganizationUnits on e.UnitId equals u.Id
                     join p in db.Positions on e.PositionId equals p.Id
                     join s in db.Employees on e.SupervisorId equals s.Id into supervisors
                     from s in supervisors.DefaultIfEmpty()
                     select new
                     {
                         e.Id,
                         e.Nip,
                         e.FullName,
                         e.Email,
                         UnitName = u.Name,
                         PositionName = p.Name,
                         SupervisorName = s == null ? null : s.FullName,
                         SupervisorEmail = s == null ? null : s.Email,
                     }).SingleOrDefaultAsync(cancellationToken)
            : null;

        var rights = await orgRights.GetMineAsync(cancellationToken);
        return new MyProfile(
            userId,
            employee?.Id,
            employee?.Nip,
            employee?.FullName,
            employee?.Email,
            agency?.Code,
            agency?.Name,
            employee?.UnitName,
            employee?.PositionName,
            employee?.SupervisorName,
            employee?.SupervisorEmail,
            currentUser.Roles,
            rights.SupervisesAnyone,
            rights.HeadsUnit);
    }
}
