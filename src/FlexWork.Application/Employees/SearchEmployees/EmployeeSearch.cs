using FluentValidation;

namespace FlexWork.Application.Employees.SearchEmployees;

/// <summary>
/// A page of the employee list, optionally filtered by NIP, name or e-mail.
/// <paramref name="TeamOnly"/> limits even an agency admin to their own direct reports.
/// </summary>
public sealed record EmployeeSearch(
    string? Search = null, int Page = 1, int PageSize = 25, bool TeamOnly = false, EmployeeSort SortBy = EmployeeSort.Name, bool Descending = false)
{
    public const int MaxPageSize = 100;
}

public enum EmployeeSort
{
    Name,
    Nip,
    Unit,
    Position,
}

public sealed record EmployeeListItem(
    Guid Id,
    string Nip,
    string FullName,
    string Email,
    string UnitName,
    string PositionName,
    string? SupervisorName,
    bool IsActive);

public sealed class EmployeeSearchValidator : AbstractValidator<EmployeeSearch>
{
    public EmployeeSearchValidator()
    {
        RuleFor(x => x.Page).InclusiveBetween(1, 1_000_000).WithErrorCode("PAGE_INVALID");
        RuleFor(x => x.PageSize).InclusiveBetween(1, EmployeeSearch.MaxPageSize).WithErrorCode("PAGE_SIZE_INVALID");
        RuleFor(x => x.Search).MaximumLength(100).WithErrorCode("SEARCH_TOO_LONG");
        RuleFor(x => x.SortBy).IsInEnum().WithErrorCode("SORT_INVALID");
    }
}
