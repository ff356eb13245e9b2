using FlexWork.Application.Accounts.InviteEmployee;
using FlexWork.Application.Imports;
using FlexWork.Application.Imports.ImportEmployees;
using FlexWork.Application.Imports.ImportOrganization;
using FlexWork.Web.Components.Account.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;
using MudBlazor;

namespace FlexWork.Web.Components.Pages.Admin;

/// <summary>Imports employees, units or positions from a CSV file: preview the rows and their errors, then apply (all, or the valid rows only) and invite the new employees.</summary>
public partial class ImportData
{
    [Inject]
    private EmployeeImportService EmployeeImports { get; set; } = default!;

    [Inject]
    private UnitImportService UnitImports { get; set; } = default!;

    [Inject]
    private PositionImportService PositionImports { get; set; } = default!;

    [Inject]
    private InvitationService Invitations { get; set; } = default!;

    [Inject]
    private IInvitationMailer Mailer { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    private const int MaxShownErrors = 500;
    private const long MaxFileBytes = 64 * 1024 * 1024;

    /// <summary>In the order an agency sets up: units, then positions, then the people in them.</summary>
    private enum ImportKind
    {
        Units,
        Positions,
        Employees,
    }

    private ImportKind _kind = ImportKind.Employees;
    private byte[]? _file;
    private string? _fileName;
    private string? _fileError;
    private ImportReport? _report;
    private IReadOnlyList<SentInvitation>? _invitations;
    private bool _validRowsOnly;
    private bool _invite;
    private bool _busy;
    private ImportProgress _progress = new(ImportPhase.Reading, 0, 0);

    private double Percent => _progress.Total == 0 ? 0 : 100.0 * _progress.Done / _progress.Total;

    private string TemplateUrl => $"admin/import/{_kind.ToString().ToLowerInvariant()}-template.csv";

    private void ChangeKind(ImportKind kind)
    {
        _kind = kind;
        _file = null;
        _fileName = null;
        Reset();
    }

    private void Reset()
    {
        _report = null;
        _invitations = null;
        _fileError = null;
        _validRowsOnly = false;
        _invite = false;
    }

    private async Task OnFileChosenAsync(IBrowserFile? file)
    {
        Reset();
        if (file is null)
        {
            return;
        }

        if (file.Size > MaxFileBytes)
        {
            _fileError = L["ImportPage.TooLarge"];
            return;
        }

        _busy = true;
        try
        {
            using var buffer = new MemoryStream();
            await file.OpenReadStream(MaxFileBytes).CopyToAsync(buffer);
            _file = buffer.ToArray();
            _fileName = file.Name;
            _report = await RunAsync(apply: false, progress: null);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task ApplyAsync()
    {
        if (_file is null)
        {
            return;
        }

        _busy = true;
        IProgress<ImportProgress> progress = new Progress<ImportProgress>(p =>
        {
            _progress = p;
            _ = InvokeAsync(StateHasChanged);
        });
        try
        {
            // The file is checked again as it is applied: the agency may have changed since the preview.
            _report = await RunAsync(apply: true, progress);
            if (_invite && _report.CreatedIds.Count > 0)
            {
                var total = _report.CreatedIds.Count;
                _progress = new ImportProgress(ImportPhase.Inviting, 0, total);
                _invitations = await Invitations.SendAsync(
                    _report.CreatedIds, AcceptInvitation.LinksUnder(Navigation.BaseUri),
                    new Progress<int>(done => progress.Report(new ImportProgress(ImportPhase.Inviting, done, total))));
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private Task<ImportReport> RunAsync(bool apply, IProgress<ImportProgress>? progress)
    {
        var csv = new MemoryStream(_file!);
        return (_kind, apply) switch
        {
            (ImportKind.Units, false) => UnitImports.PreviewAsync(csv),
            (ImportKind.Units, true) => UnitImports.ApplyAsync(csv, _validRowsOnly),
            (ImportKind.Positions, false) => PositionImports.PreviewAsync(csv),
            (ImportKind.Positions, true) => PositionImports.ApplyAsync(csv, _validRowsOnly),
            (_, false) => EmployeeImports.PreviewAsync(csv),
            (_, true) => EmployeeImports.ApplyAsync(csv, _validRowsOnly, progress),
        };
    }

    /// <summary>Tab-separated, so that the links paste straight into a spreadsheet.</summary>
    private async Task CopyLinksAsync()
    {
        var lines = _invitations!.Where(i => !i.Emailed).Select(i => $"{i.Nip}\t{i.FullName}\t{i.Email}\t{i.Link}");
        await JS.InvokeVoidAsync("navigator.clipboard.writeText", string.Join("\n", ["NIP\tNama\tEmail\tTautan", .. lines]));
        Snackbar.Add(L["EmployeeEdit.Copied"], Severity.Info);
    }
}
