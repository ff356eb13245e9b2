using System.Globalization;
using FlexWork.Domain.Common;
using FlexWork.Domain.Employees;
using FlexWork.Domain.Locations;

namespace FlexWork.Application.Imports;

/// <summary>
/// Reads the cells of one row as the import's kinds need them, recording every problem with its
/// column instead of stopping at the first. The rules are the domain's (NIP, e-mail address) and
/// the import format's (names, dates, time zones, yes/no), written once for all three imports.
/// </summary>
public sealed class RowCheck(CsvRow row)
{
    private readonly List<ImportError> _errors = [];

    public int Row => row.Number;

    public IReadOnlyList<ImportError> Errors => _errors;

    public bool IsValid => _errors.Count == 0;

    public string this[string column] => row[column];

    public void Fail(string column, string code, params string[] arguments) => _errors.Add(new ImportError(row.Number, column, code, arguments));

    /// <summary>
    /// A required name of at most <see cref="ImportCsv.MaxNameLength"/> characters; with
    /// <paramref name="firstRowOfName"/>, one that no earlier row of the file has (matched loosely).
    /// </summary>
    public string? Name(string column, Dictionary<string, int>? firstRowOfName = null)
    {
        var name = row[column];
        var key = ImportCsv.NormalizeName(name);
        if (key.Length == 0)
        {
            Fail(column, "NAME_REQUIRED");
        }
        else if (name.Length > ImportCsv.MaxNameLength)
        {
            Fail(column, "NAME_TOO_LONG", ImportCsv.MaxNameLength.ToString(CultureInfo.InvariantCulture));
        }
        else if (firstRowOfName is not null && !firstRowOfName.TryAdd(key, row.Number))
        {
            Fail(column, "NAME_DUPLICATE_IN_FILE", name, firstRowOfName[key].ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            return name;
        }

        return null;
    }

    /// <summary>A NIP by the domain's rule; an empty cell is null unless <paramref name="required"/>.</summary>
    public Nip? Nip(string column, bool required = true)
    {
        var text = row[column];
        if (text.Length == 0 && !required)
        {
            return null;
        }

        if (Domain.Employees.Nip.TryParse(text, out var nip))
        {
            return nip;
        }

        Fail(column, "NIP_INVALID", text);
        return null;
    }

    /// <summary>The address as the domain stores it (trimmed, lower-case), or null after <c>EMAIL_INVALID</c>.</summary>
    public string? Email(string column)
    {
        if (EmailAddress.TryNormalize(row[column], out var email))
        {
            return email;
        }

        Fail(column, "EMAIL_INVALID", row[column]);
        return null;
    }

    public DateOnly? Date(string column, bool required)
    {
        var text = row[column];
        if (text.Length == 0)
        {
            if (required)
            {
                Fail(column, "DATE_REQUIRED");
            }

            return null;
        }

        if (ImportCsv.TryParseDate(text, out var date))
        {
            return date;
        }

        Fail(column, "DATE_INVALID", text);
        return null;
    }

    /// <summary>WIB, WITA, WIT or an Indonesian IANA id; an empty cell is null (the agency's zone applies).</summary>
    public string? TimeZone(string column)
    {
        var timeZone = ImportCsv.ParseTimeZone(row[column]);
        if (timeZone is null && row[column].Length > 0)
        {
            Fail(column, "TIME_ZONE_INVALID", row[column]);
        }

        return timeZone;
    }

    public bool? YesNo(string column, string code)
    {
        if (ImportCsv.ParseYesNo(row[column]) is { } value)
        {
            return value;
        }

        Fail(column, code, row[column]);
        return null;
    }

    /// <summary>
    /// A circle on the map from three cells (latitude, longitude, radius in metres), all filled or
    /// all empty; a decimal comma is read like a point, as spreadsheets in an Indonesian locale write it.
    /// </summary>
    public GeoArea? Area(string latitudeColumn, string longitudeColumn, string radiusColumn)
    {
        string[] cells = [row[latitudeColumn], row[longitudeColumn], row[radiusColumn]];
        if (cells.All(c => c.Length == 0))
        {
            return null;
        }

        if (cells.Any(c => c.Length == 0))
        {
            Fail(latitudeColumn, "LOCATION_AREA_INCOMPLETE");
            return null;
        }

        static double? Number(string text) =>
            double.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;
        if (Number(cells[0]) is not { } latitude || Number(cells[1]) is not { } longitude || latitude is < -90 or > 90 || longitude is < -180 or > 180)
        {
            Fail(latitudeColumn, "LOCATION_AREA_INVALID");
            return null;
        }

        if (!int.TryParse(cells[2], NumberStyles.None, CultureInfo.InvariantCulture, out var radius) || radius is < 10 or > 10_000)
        {
            Fail(radiusColumn, "LOCATION_RADIUS_RANGE");
            return null;
        }

        return new GeoArea(latitude, longitude, radius);
    }

    /// <summary>At most <paramref name="max"/> characters; an empty cell is null.</summary>
    public string? Text(string column, int max)
    {
        var text = row[column];
        if (text.Length > max)
        {
            Fail(column, "TEXT_TOO_LONG", max.ToString(CultureInfo.InvariantCulture));
            return null;
        }

        return text.Length == 0 ? null : text;
    }

    /// <summary>The one id known by the cell's name (names matched loosely), or null after <paramref name="unknownCode"/> or <paramref name="ambiguousCode"/>.</summary>
    public Guid? Lookup(Dictionary<string, List<Guid>> idsByName, string column, string unknownCode, string ambiguousCode)
    {
        if (!idsByName.TryGetValue(ImportCsv.NormalizeName(row[column]), out var ids))
        {
            Fail(column, unknownCode, row[column]);
            return null;
        }

        if (ids.Count > 1)
        {
            Fail(column, ambiguousCode, row[column]);
            return null;
        }

        return ids[0];
    }
}
