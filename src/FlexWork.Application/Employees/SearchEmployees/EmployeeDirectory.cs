using FlexWork.Application.Common;
using FlexWork.Domain.Employees;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Employees.SearchEmployees;

/// <summary>
/// The employee list: an agency admin sees the whole agency, a supervisor their direct reports,
/// anyone else is refused. Paged and searched in the database so it stays fast at 80,000 rows.
/// </summary>
public sealed class EmployeeDirectory(
    IFlexWorkDbContextFactory dbFactory,
    ICurrentUser currentUser,
    IValidator<EmployeeSearch> validator)
{
    /// <summary>Name of the generated, lower-cased "NIP name e-mail" column the search runs on.</summary>
    public const string SearchTextProperty = "SearchText";

    public async Task<PagedList<EmployeeListItem>> SearchAsync(EmployeeSearch query, CancellationToken cancellationToken = default)
    {
        await validator.ValidateAndThrowAsync(query, cancellationToken);
        currentUser.RequireAgency();
        await using var db = await dbFactory.CreateAsync(cancellationToken);

        // The tenant filter limits every set to the caller's agency; no second agency predicate,
        // which would only skew PostgreSQL's row estimates.
        IQueryable<Employee> employees = db.Employees.AsNoTracking();
        if (query.TeamOnly || !currentUser.IsInRole(Roles.AgencyAdmin))
        {
            var me = currentUser.EmployeeId ?? throw new ForbiddenAccessException();
            employees = employees.Where(e => e.SupervisorId == me);
            if (!await employees.AnyAsync(e => e.IsActive, cancellationToken))
            {
                throw new ForbiddenAccessException();
            }
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = LikePattern.Contains(query.Search.Trim().ToLowerInvariant());
            employees = employees.Where(e => EF.Functions.Like(EF.Property<string>(e, SearchTextProperty), pattern, LikePattern.EscapeCharacter));
        }

        var total = await employees.CountAsync(cancellationToken);

        // Page first, then look up names for those rows only: the LIMIT subquery keeps the plan
        // small however large the agency is.
        var page = employees
            .OrderBy(e => e.FullName).ThenBy(e => e.Id)
            .Skip((query.Page - 1) * query.PageSize)
            .Take(query.PageSize);
        var items = await (from e in page
                           join u in db.OrganizationUnits on e.UnitId equals u.Id
                           join p in db.Positions on e.PositionId equals p.Id
                           join s in db.Employees on e.SupervisorId equals s.Id into supervisors
                           from s in supervisors.DefaultIfEmpty()
                           orderby e.FullName, e.Id
                           select new EmployeeListItem(e.Id, e.Nip, e.FullName, e.Email, u.Name, p.Name, s == null ? null : s.FullName, e.IsActive))
            .ToListAsync(cancellationToken);

        return new PagedList<EmployeeListItem>(items, total, query.Page, query.PageSize);
    }
}
