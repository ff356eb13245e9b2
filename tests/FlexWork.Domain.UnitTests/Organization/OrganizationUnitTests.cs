using FlexWork.Domain.Common;
using FlexWork.Domain.Locations;
using FlexWork.Domain.Organization;
using FlexWork.Domain.UnitTests.Common;

namespace FlexWork.Domain.UnitTests.Organization;

public class OrganizationUnitTests
{
    private readonly Guid _agency = Guid.NewGuid();

    [Fact]
    public void A_unit_cannot_move_under_its_own_descendant()
    {
        var root = TestData.Unit(_agency, "Sekretariat Jenderal");
        var biro = TestData.Unit(_agency, "Biro SDM", root);
        var bagian = TestData.Unit(_agency, "Bagian Mutasi", biro);
        var all = new[] { root, biro, bagian }.ToDictionary(u => u.Id);

        var error = Assert.Throws<DomainException>(() => root.MoveUnder(bagian, id => all[id].ParentId));

        Assert.Equal("UNIT_CYCLE", error.Code);
        Assert.Null(root.ParentId);
    }

    [Fact]
    public void A_unit_cannot_move_under_itself()
    {
        var unit = TestData.Unit(_agency, "Biro Umum");
        Assert.Equal("UNIT_CYCLE", Assert.Throws<DomainException>(() => unit.MoveUnder(unit, _ => null)).Code);
    }

    [Fact]
    public void A_unit_moves_to_another_branch_or_to_the_top()
    {
        var a = TestData.Unit(_agency, "A");
        var b = TestData.Unit(_agency, "B");
        var child = TestData.Unit(_agency, "Child", a);
        var all = new[] { a, b, child }.ToDictionary(u => u.Id);

        child.MoveUnder(b, id => all[id].ParentId);
        Assert.Equal(b.Id, child.ParentId);

        child.MoveUnder(null, id => all[id].ParentId);
        Assert.Null(child.ParentId);
    }

    [Fact]
    public void A_unit_cannot_hang_under_another_agency()
    {
        var mine = TestData.Unit(_agency, "Mine");
        var theirs = TestData.Unit(Guid.NewGuid(), "Theirs");
        Assert.Equal("CROSS_AGENCY_REFERENCE", Assert.Throws<DomainException>(() => mine.MoveUnder(theirs, _ => null)).Code);
        Assert.Equal("CROSS_AGENCY_REFERENCE", Assert.Throws<DomainException>(() => OrganizationUnit.Create(_agency, "X", theirs)).Code);
    }

    [Fact]
    public void The_head_is_an_active_employee_of_the_same_agency()
    {
        var unit = TestData.Unit(_agency, "Biro SDM");
        var head = TestData.Employee(_agency, "Kepala");
        unit.SetHead(head);
        Assert.Equal(head.Id, unit.HeadEmployeeId);

        Assert.Equal("CROSS_AGENCY_REFERENCE", Assert.Throws<DomainException>(() => unit.SetHead(TestData.Employee(Guid.NewGuid()))).Code);
        var retired = TestData.Employee(_agency, "Pensiun");
        retired.Deactivate();
        Assert.Equal("EMPLOYEE_INACTIVE", Assert.Throws<DomainException>(() => unit.SetHead(retired)).Code);
        Assert.Equal(head.Id, unit.HeadEmployeeId);

        unit.SetHead(null);
        Assert.Null(unit.HeadEmployeeId);
    }

    [Fact]
    public void A_position_is_eligible_only_when_all_five_duty_criteria_are_met()
    {
        var position = Position.Create(_agency, "Analis", PositionKind.Fungsional, DutyCriteria.AllMet);
        Assert.True(position.IsFlexibleWorkEligible);

        position.Update("Analis", PositionKind.Fungsional, DutyCriteria.AllMet with { NoContinuousSupervision = false });
        Assert.False(position.IsFlexibleWorkEligible);
        Assert.False(position.Criteria.NoContinuousSupervision);
    }

    [Fact]
    public void A_unit_needs_a_name()
    {
        Assert.Equal("NAME_REQUIRED", Assert.Throws<DomainException>(() => OrganizationUnit.Create(_agency, "  ")).Code);
    }

    [Fact]
    public void A_units_office_is_placed_on_the_map_checked_and_can_be_taken_off()
    {
        var biro = TestData.Unit(_agency, "Biro SDM");
        biro.LocateOffice(new GeoArea(-6.2297, 106.8270, 150));
        Assert.Equal(new GeoArea(-6.2297, 106.8270, 150), biro.Office);

        Assert.Equal("LOCATION_AREA_INVALID", Assert.Throws<DomainException>(() => biro.LocateOffice(new GeoArea(-6.2, 106.8, 5))).Code);
        Assert.Equal(150, biro.OfficeRadiusMeters); // unchanged

        biro.LocateOffice(null);
        Assert.Equal(((GeoArea?)null, (double?)null), (biro.Office, biro.OfficeLatitude));
    }
}
