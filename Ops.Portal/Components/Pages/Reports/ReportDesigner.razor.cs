using Microsoft.AspNetCore.Components;
using MudBlazor;
using Ops.Domain.Common;
using Ops.Domain.Reports;
using Ops.Domain.Reports.Queries;
using Ops.Portal.Common;
using Ops.Portal.Components.Shared;

namespace Ops.Portal.Components.Pages.Reports;

/// <summary>
/// The report designer: basics, query and parameters, display, sharing, with a live preview of the last run's rows
/// drawn with the settings as they are edited. Saving keeps a draft; publishing saves and makes it the live version.
/// </summary>
public sealed partial class ReportDesigner
{
    private readonly FieldErrors _errors = new();
    private readonly DirtyTracker _tracker = new();
    private ReportDraft _draft = new();
    private ReportDetail? _detail;
    private ReportData? _result;
    private IReadOnlyList<DataSourceRow> _sources = [];
    private IReadOnlyList<string> _categories = [];
    private bool _missing;
    private int _tab;
    private int _version;

    // One key per opened form: a double click or a retry of "save" creates the report once.
    private readonly string _createKey = Guid.NewGuid().ToString("N");

    [Parameter]
    public long? Id { get; set; }

    [Inject]
    private IReportService Reports { get; set; } = default!;

    [Inject]
    private IDataSourceService DataSources { get; set; } = default!;

    [Inject]
    private UiErrorHandler Ui { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private object Snapshot => _draft.ToInput();

    protected override async Task OnParametersSetAsync()
    {
        _sources = await Ui.RunAsync(() => DataSources.OptionsAsync()) ?? [];
        _categories = await Ui.RunAsync(() => Reports.CategoriesAsync()) ?? [];
        if (Id is { } id)
        {
            var found = await Ui.RunAsync(() => Reports.GetAsync(id));
            if (found is not { IsSuccess: true })
            {
                _missing = true;
                return;
            }

            Load(found.Value);
        }
        else
        {
            _draft = new ReportDraft { DataSourceId = _sources.Count == 1 ? _sources[0].Id : null };
            _tracker.Accept(Snapshot);
        }
    }

    private void Load(ReportDetail detail)
    {
        _detail = detail;
        _version = detail.Version;
        _draft = ReportDraft.From(detail.Input);
        _tracker.Accept(Snapshot);
    }

    private Task ResultAsync(ReportData data)
    {
        _result = data;
        _draft.MatchColumns(data.Current);
        StateHasChanged();
        return Task.CompletedTask;
    }

    private async Task<bool> SaveDraftAsync()
    {
        _errors.Clear();
        var input = _draft.ToInput();
        if (Id is { } id)
        {
            if (!await Ui.RunAndShowAsync(() => Reports.UpdateAsync(id, input, _version), fields: _errors))
            {
                return false;
            }
        }
        else
        {
            var created = await Ui.RunAsync(() => Reports.CreateAsync(input, _createKey));
            if (!Ui.Show(created, fields: _errors))
            {
                return false;
            }

            _tracker.Accept(Snapshot);
            Navigation.NavigateTo($"/report/edit/{created.Value}", replace: true);
            return true;
        }

        await ReloadAsync();
        return true;
    }

    private async Task SaveAsync()
    {
        if (await SaveDraftAsync())
        {
            Snackbar.Add(T["common.saved"], Severity.Success);
        }
    }

    private async Task PublishAsync()
    {
        if (Id is null)
        {
            // A new report is saved first; its page then publishes it.
            await SaveDraftAsync();
            return;
        }

        if (_tracker.IsDirty(Snapshot) && !await SaveDraftAsync())
        {
            return;
        }

        if (await Ui.RunAndShowAsync(() => Reports.PublishAsync(Id.Value, _version), "report.published", _errors))
        {
            await ReloadAsync();
        }
    }

    private async Task RestoreAsync(ReportVersionRow version)
    {
        if (Id is not { } id || !await ConfirmDialog.ShowAsync(Dialogs, T["report.restore"], T["report.restore_confirm", version.Number], T["report.restore"]))
        {
            return;
        }

        if (await Ui.RunAndShowAsync(() => Reports.RestoreAsync(id, version.Number), "report.restored"))
        {
            await ReloadAsync();
        }
    }

    private async Task ReloadAsync()
    {
        if (Id is { } id && await Ui.RunAsync(() => Reports.GetAsync(id)) is { IsSuccess: true } found)
        {
            Load(found.Value);
        }
    }
}
