using FlexWork.Domain.Common;
using FlexWork.Domain.Employees;

namespace FlexWork.Domain.UnitTests.Employees;

public class NipTests
{
    [Theory]
    [InlineData("198503152010011001")]
    [InlineData("199912312020122999")]
    [InlineData(" 198503152010011001 ")]
    [InlineData("19850315 201001 1 001")]
    public void Accepts_a_structurally_valid_nip(string input)
    {
        Assert.True(Nip.TryParse(input, out var nip));
        Assert.Equal(18, nip.Value.Length);
        Assert.All(nip.Value, c => Assert.True(char.IsAsciiDigit(c)));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("19850315201001100", "17 digits")]
    [InlineData("1985031520100110011", "19 digits")]
    [InlineData("19850315201001100A", "a letter")]
    [InlineData("198502302010011001", "30 February as birth date")]
    [InlineData("198503152010131001", "month 13 as appointment")]
    [InlineData("198503152010013001", "sex digit 3")]
    public void Refuses_a_malformed_nip(string input, string because)
    {
        Assert.False(Nip.TryParse(input, out _), because);
        var error = Assert.Throws<DomainException>(() => Nip.Parse(input));
        Assert.Equal("NIP_INVALID", error.Code);
    }
}
