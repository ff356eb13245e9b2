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

    private static IOrderedQueryable<Employee> Sort(IQueryable<Employee> employees, IFlexWorkDbContext db, EmployeeSearch query)
    {
        var sorted = query.SortBy switch
        {
            EmployeeSort.Nip => Order(employees, e => e.Nip, query.Descending),
            EmployeeSort.Unit => Order(employees, e => db.OrganizationUnits.Where(u => u.Id == e.UnitId).Select(u => u.Name).First(), query.Descending),
            EmployeeSort.Position => Order(employees, e => db.Positions.Where(p => p.Id == e.PositionId).Select(p => p.Name).First(), query.Descending),
            _ => Order(employees, e => e.FullName, query.Descending),
        };
        return sorted.ThenBy(e => e.FullName).ThenBy(e => e.Id);
    }

    private static IOrderedQueryable<Employee> Order<TKey>(IQueryable<Employee> employees, System.Linq.Expressions.Expression<Func<Employee, TKey>> key, bool descending) =>
        descending ? employees.OrderByDescending(key) : employees.OrderBy(key);

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

        // Page first (ids in order), then look up names for those rows only: the small LIMIT
        // query keeps the plan cheap however large the agency is.
        var pageIds = await Sort(employees, db, query)
            .Skip((query.Page - 1) * query.PageSize)
            .Take(query.PageSize)
            .Select(e => e.Id)
            .ToListAsync(cancellationToken);
        var rows = await (from e in db.Employees.AsNoTracking()
                          where pageIds.Contains(e.Id)
                          join u in db.OrganizationUnits on e.UnitId equals u.Id
                          join p in db.Positions on e.PositionId equals p.Id
                          join s in db.Employees on e.SupervisorId equals s.Id into supervisors
                          from s in supervisors.DefaultIfEmpty()
                          select new EmployeeListItem(e.Id, e.Nip, e.FullName, e.Email, u.Name, p.Name, s == null ? null : s.FullName, e.IsActive))
            .ToDictionaryAsync(e => e.Id, cancellationToken);
        var items = pageIds.Select(id => rows[id]).ToList();

        return new PagedList<EmployeeListItem>(items, total, query.Page, query.PageSize);
    }
}
