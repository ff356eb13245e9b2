using FlexWork.Domain.Employees;
using FlexWork.Domain.Organization;

namespace FlexWork.Domain.UnitTests.Common;

internal static class TestData
{
    private static int _sequence;

    public static Employee Employee(Guid agencyId, string name = "Pegawai")
    {
        var n = Interlocked.Increment(ref _sequence);
        return FlexWork.Domain.Employees.Employee.Create(
            agencyId, $"19850315201001{1 + (n % 2)}{n % 1000:000}", name, $"p{n}@example.go.id",
            Guid.NewGuid(), Guid.NewGuid(), EmploymentType.Pns, new DateOnly(2020, 1, 1));
    }

    public static OrganizationUnit Unit(Guid agencyId, string name, OrganizationUnit? parent = null) =>
        OrganizationUnit.Create(agencyId, name, parent);
}
