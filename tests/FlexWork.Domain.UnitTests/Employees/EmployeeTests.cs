using FlexWork.Domain.Common;
using FlexWork.Domain.Employees;
using FlexWork.Domain.UnitTests.Common;

namespace FlexWork.Domain.UnitTests.Employees;

public class EmployeeTests
{
    private readonly Guid _agency = Guid.NewGuid();

    [Fact]
    public void Create_normalises_email_and_rejects_a_bad_nip()
    {
        var employee = Employee.Create(_agency, "198503152010011001", " Andi ", " Andi@Demo.GO.id ", Guid.NewGuid(), Guid.NewGuid(), EmploymentType.Pns, new DateOnly(2022, 1, 1));
        Assert.Equal("andi@demo.go.id", employee.Email);
        Assert.Equal("Andi", employee.FullName);
        Assert.True(employee.IsActive);

        var error = Assert.Throws<DomainException>(() =>
            Employee.Create(_agency, "12345", "Andi", "andi@demo.go.id", Guid.NewGuid(), Guid.NewGuid(), EmploymentType.Pns, new DateOnly(2022, 1, 1)));
        Assert.Equal("NIP_INVALID", error.Code);
    }

    [Theory]
    [InlineData("no-at-sign")]
    [InlineData("@demo.go.id")]
    [InlineData("a b@demo.go.id")]
    public void Create_refuses_a_malformed_email(string email)
    {
        var error = Assert.Throws<DomainException>(() =>
            Employee.Create(_agency, "198503152010011001", "Andi", email, Guid.NewGuid(), Guid.NewGuid(), EmploymentType.Pns, new DateOnly(2022, 1, 1)));
        Assert.Equal("EMAIL_INVALID", error.Code);
    }

    [Fact]
    public void An_employee_cannot_supervise_themselves()
    {
        var employee = TestData.Employee(_agency);
        var error = Assert.Throws<DomainException>(() => employee.AssignSupervisor(employee, _ => null));
        Assert.Equal("SUPERVISOR_CYCLE", error.Code);
        Assert.Null(employee.SupervisorId);
    }

    [Fact]
    public void A_supervisor_chain_cannot_loop()
    {
        var head = TestData.Employee(_agency, "Kepala");
        var middle = TestData.Employee(_agency, "Atasan");
        var staff = TestData.Employee(_agency, "Staf");
        var all = new[] { head, middle, staff }.ToDictionary(e => e.Id);
        middle.AssignSupervisor(head, id => all[id].SupervisorId);
        staff.AssignSupervisor(middle, id => all[id].SupervisorId);

        var error = Assert.Throws<DomainException>(() => head.AssignSupervisor(staff, id => all[id].SupervisorId));

        Assert.Equal("SUPERVISOR_CYCLE", error.Code);
        Assert.Equal(["Kepala", "Staf"], error.Arguments);
        Assert.Null(head.SupervisorId);
    }

    [Fact]
    public void A_supervisor_from_another_agency_is_refused()
    {
        var employee = TestData.Employee(_agency);
        var outsider = TestData.Employee(Guid.NewGuid());
        var error = Assert.Throws<DomainException>(() => employee.AssignSupervisor(outsider, _ => null));
        Assert.Equal("CROSS_AGENCY_REFERENCE", error.Code);
    }

    [Fact]
    public void Assigning_by_id_refuses_a_loop_too()
    {
        var head = TestData.Employee(_agency, "Kepala");
        var staff = TestData.Employee(_agency, "Staf");
        var supervisors = new Dictionary<Guid, Guid?> { [staff.Id] = head.Id, [head.Id] = null };
        staff.AssignSupervisorById(head.Id, id => supervisors[id]);
        Assert.Equal(head.Id, staff.SupervisorId);

        Assert.Equal("SUPERVISOR_CYCLE", Assert.Throws<DomainException>(() => head.AssignSupervisorById(staff.Id, id => supervisors[id])).Code);
        Assert.Null(head.SupervisorId);
    }

    [Fact]
    public void An_eligibility_override_needs_a_reason_and_a_future_end_and_lapses_after_it()
    {
        var employee = TestData.Employee(_agency);
        var today = new DateOnly(2026, 11, 27);
        Assert.Equal("OVERRIDE_REASON_REQUIRED", Assert.Throws<DomainException>(() => employee.GrantEligibilityOverride(" ", today, today)).Code);
        Assert.Equal("OVERRIDE_EXPIRY_PAST", Assert.Throws<DomainException>(() => employee.GrantEligibilityOverride("Sakit", today.AddDays(-1), today)).Code);

        employee.GrantEligibilityOverride("Pemulihan pascaoperasi", today.AddDays(30), today);
        Assert.True(employee.HasEligibilityOverrideOn(today.AddDays(30)));
        Assert.False(employee.HasEligibilityOverrideOn(today.AddDays(31)));

        employee.RevokeEligibilityOverride();
        Assert.False(employee.HasEligibilityOverrideOn(today));
    }

    [Fact]
    public void Clearing_the_supervisor_is_allowed()
    {
        var supervisor = TestData.Employee(_agency);
        var employee = TestData.Employee(_agency);
        employee.AssignSupervisor(supervisor, _ => null);
        employee.AssignSupervisor(null, _ => null);
        Assert.Null(employee.SupervisorId);
    }

    [Fact]
    public void Disciplinary_status_needs_a_start_and_an_ordered_range()
    {
        var employee = TestData.Employee(_agency);
        Assert.Equal("DISCIPLINARY_START_REQUIRED",
            Assert.Throws<DomainException>(() => employee.RecordDisciplinaryStatus(DisciplinaryStatus.InProcess, null, null)).Code);
        Assert.Equal("DATE_RANGE_INVALID",
            Assert.Throws<DomainException>(() => employee.RecordDisciplinaryStatus(DisciplinaryStatus.ServingPenalty, new DateOnly(2026, 5, 1), new DateOnly(2026, 4, 1))).Code);

        employee.RecordDisciplinaryStatus(DisciplinaryStatus.ServingPenalty, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
        Assert.Equal(DisciplinaryStatus.ServingPenalty, employee.DisciplinaryStatus);

        employee.RecordDisciplinaryStatus(DisciplinaryStatus.None, new DateOnly(2026, 1, 1), null);
        Assert.Null(employee.DisciplinaryFrom);
    }

    [Fact]
    public void Moving_to_a_new_position_restarts_the_tenure_clock_but_a_unit_move_does_not()
    {
        var employee = TestData.Employee(_agency);
        var start = employee.PositionStartDate;
        employee.MoveTo(Guid.NewGuid(), employee.PositionId, new DateOnly(2026, 6, 1));
        Assert.Equal(start, employee.PositionStartDate);

        employee.MoveTo(employee.UnitId, Guid.NewGuid(), new DateOnly(2026, 6, 1));
        Assert.Equal(new DateOnly(2026, 6, 1), employee.PositionStartDate);
    }

    [Fact]
    public void Time_zone_must_be_an_indonesian_zone()
    {
        var employee = TestData.Employee(_agency);
        employee.SetTimeZone(IndonesianTimeZones.Wit);
        Assert.Equal("Asia/Jayapura", employee.TimeZoneId);
        Assert.Equal("TIME_ZONE_INVALID", Assert.Throws<DomainException>(() => employee.SetTimeZone("Europe/Paris")).Code);
    }
}
