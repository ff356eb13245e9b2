using System.Globalization;
using FlexWork.Domain.Common;

namespace FlexWork.Domain.Employees;

/// <summary>
/// Nomor Induk Pegawai: 18 digits = birth date (yyyyMMdd) + appointment month (yyyyMM)
/// + sex (1 or 2) + sequence (3 digits). Checking the structure catches most typos.
/// </summary>
public readonly record struct Nip
{
    private Nip(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? input, out Nip nip)
    {
        nip = default;
        var value = input?.Trim().Replace(" ", "", StringComparison.Ordinal) ?? "";
        if (value.Length != 18 || !value.All(char.IsAsciiDigit))
        {
            return false;
        }

        var birthDateValid = DateOnly.TryParseExact(value[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
        var appointmentValid = DateOnly.TryParseExact(value[8..14] + "01", "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
        if (!birthDateValid || !appointmentValid || value[14] is not ('1' or '2'))
        {
            return false;
        }

        nip = new Nip(value);
        return true;
    }

    public static Nip Parse(string? input) =>
        TryParse(input, out var nip) ? nip : throw new DomainException("NIP_INVALID", input ?? "");

    public override string ToString() => Value;
}
