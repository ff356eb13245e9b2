using FlexWork.Domain.Agencies;
using FlexWork.Domain.Common;

namespace FlexWork.Domain.UnitTests.Agencies;

public class AgencyTests
{
    [Fact]
    public void Create_upper_cases_the_code_and_keeps_the_time_zone()
    {
        var agency = Agency.Create(" demo2 ", "Pemerintah Provinsi Contoh", IndonesianTimeZones.Wita);
        Assert.Equal("DEMO2", agency.Code);
        Assert.Equal("Asia/Makassar", agency.TimeZoneId);
        Assert.True(agency.IsActive);
    }

    [Theory]
    [InlineData("D")]
    [InlineData("2DEMO")]
    [InlineData("DEMO CONTOH")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTU")]
    public void Create_refuses_a_bad_code(string code) =>
        Assert.Equal("AGENCY_CODE_INVALID", Assert.Throws<DomainException>(() => Agency.Create(code, "X", IndonesianTimeZones.Wib)).Code);

    [Fact]
    public void Create_refuses_a_time_zone_outside_indonesia() =>
        Assert.Equal("TIME_ZONE_INVALID", Assert.Throws<DomainException>(() => Agency.Create("DEMO", "X", "Asia/Singapore")).Code);
}
