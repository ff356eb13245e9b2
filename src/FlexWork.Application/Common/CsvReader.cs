using System.Text;

namespace FlexWork.Application.Common;

/// <summary>
/// A small RFC 4180 reader: quoted fields with embedded separators, doubled quotes and line
/// breaks. Comma or semicolon separated, whichever the header line uses more (spreadsheets in an
/// Indonesian locale save with semicolons).
/// </summary>
public static class CsvReader
{
    public static List<string[]> Read(string text)
    {
        var headerEnd = text.IndexOf('\n', StringComparison.Ordinal);
        var header = headerEnd < 0 ? text : text[..headerEnd];
        var separator = header.Count(c => c == ';') > header.Count(c => c == ',') ? ';' : ',';

        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    inQuotes = false;
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                inQuotes = true;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                fields.Add(field.ToString());
                records.Add([.. fields]);
                fields.Clear();
                field.Clear();
            }
            else if (c != '\r')
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add([.. fields]);
        }

        return records;
    }
}
