using FlexWork.Application.Common;
using FlexWork.Application.Employees.SearchEmployees;

namespace FlexWork.Web.Api;

internal static class EmployeeEndpoints
{
    public static void MapEmployeeEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/employees", (EmployeeDirectory directory, string? search, int? page, int? pageSize, EmployeeSort? sort, bool? desc, CancellationToken cancellationToken) =>
                directory.SearchAsync(new EmployeeSearch(search, page ?? 1, pageSize ?? 25, SortBy: sort ?? EmployeeSort.Name, Descending: desc == true), cancellationToken))
            .WithTags("Employees")
            .WithSummary("Employees: the whole agency for an agency admin, direct reports for a supervisor; sort=Name|Nip|Unit|Position, desc=true")
            .Produces<PagedList<EmployeeListItem>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }
}
