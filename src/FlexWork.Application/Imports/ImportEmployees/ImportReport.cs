namespace FlexWork.Application.Imports.ImportEmployees;

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
}

public enum ImportPhase
{
    Reading,
    Checking,
    Saving,
    Done,
}

public sealed record ImportProgress(ImportPhase Phase, int Done, int Total);
