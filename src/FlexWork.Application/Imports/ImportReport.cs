namespace FlexWork.Application.Imports;

/// <summary>One problem in the file: the spreadsheet row and column, a stable code and its arguments.</summary>
public sealed record ImportError(int Row, string Column, string Code, IReadOnlyList<string> Arguments);

/// <summary>What an import would change (preview) or changed (applied).</summary>
public sealed record ImportReport(
    int TotalRows,
    int Created,
    int Updated,
    int Unchanged,
    IReadOnlyList<ImportError> Errors,
    bool Applied)
{
    public int RowsWithErrors => Errors.Select(e => e.Row).Distinct().Count();

    /// <summary>The ids of what an applied import created (e.g. to invite new employees).</summary>
    public IReadOnlyList<Guid> CreatedIds { get; init; } = [];

    /// <summary>The report for a file whose header lacks required columns: nothing else is checked.</summary>
    public static ImportReport ColumnsMissing(CsvFile file) =>
        new(file.Rows.Count, 0, 0, 0, [.. file.MissingColumns.Select(c => new ImportError(1, c, "COLUMN_MISSING", [c]))], Applied: false);
}

public enum ImportPhase
{
    Reading,
    Checking,
    Saving,
    Inviting,
    Done,
}

public sealed record ImportProgress(ImportPhase Phase, int Done, int Total);
