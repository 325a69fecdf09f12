using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Ops.Domain.Common;
using Ops.Domain.Scheduler;
using Ops.Portal.Common;
using SortDirection = Ops.Domain.Common.SortDirection;

namespace Ops.Portal.Components.Pages.Scheduler;

/// <summary>The scheduling log across all jobs. Filters live in the query string (?job=7&amp;status=Failed&amp;trigger=Cron&amp;from=…&amp;to=…).</summary>
public sealed partial class SchedulerLogs
{
    private MudDataGrid<SchedulerLogRow>? _grid;
    private SchedulerLogFilter _filter = new();
    private JobOption? _job;
    private DateRange? _range;

    [Inject] private ISchedulerLogService Logs { get; set; } = default!;

    [Inject] private UiErrorHandler Ui { get; set; } = default!;

    [Inject] private SheetDownload Sheets { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private ViewerTime Viewer { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "job")] public long? JobId { get; set; }

    [SupplyParameterFromQuery(Name = "status")] public string? Status { get; set; }

    [SupplyParameterFromQuery(Name = "trigger")] public string? Trigger { get; set; }

    [SupplyParameterFromQuery(Name = "from")] public DateTime? From { get; set; }

    [SupplyParameterFromQuery(Name = "to")] public DateTime? To { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        _filter = new SchedulerLogFilter(
            JobId,
            Enum.TryParse<JobRunStatus>(Status, ignoreCase: true, out var status) ? status : null,
            Enum.TryParse<JobTriggerType>(Trigger, ignoreCase: true, out var trigger) ? trigger : null,
            Viewer.StartOfDay(From),
            Viewer.StartOfDay(To?.AddDays(1)));
        _range = From is null && To is null ? null : new DateRange(From, To);
        if (JobId is { } id && _job?.Id != id)
        {
            var found = await Ui.RunAsync(() => Logs.ListJobsAsync(null, 1, id));
            _job = found?.FirstOrDefault() ?? new JobOption(id, $"#{id}");
        }
        else if (JobId is null)
        {
            _job = null;
        }

        await ReloadAsync();
    }

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    private async Task<GridData<SchedulerLogRow>> LoadAsync(GridState<SchedulerLogRow> state, CancellationToken cancellationToken)
    {
        var page = await Ui.RunAsync(() => Logs.QueryAsync(_filter, GridSorts.Request(state), cancellationToken));
        return new GridData<SchedulerLogRow> { Items = page?.Items ?? [], TotalItems = page?.TotalCount ?? 0 };
    }

    private async Task<IEnumerable<JobOption>> SearchJobsAsync(string? text, CancellationToken cancellationToken) =>
        await Ui.RunAsync(() => Logs.ListJobsAsync(text, 20, null, cancellationToken)) ?? [];

    private Task OnRangeAsync(DateRange? range) => FilterAsync(_filter, range);

    private Task FilterAsync(Func<SchedulerLogFilter, SchedulerLogFilter> change) => FilterAsync(change(_filter), _range);

    /// <summary>A filter changed: it goes into the address, and the page reloads from there.</summary>
    private Task FilterAsync(SchedulerLogFilter filter, DateRange? range)
    {
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["job"] = filter.JobId,
            ["status"] = filter.Status?.ToString(),
            ["trigger"] = filter.Trigger?.ToString(),
            ["from"] = range?.Start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = range?.End?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }), replace: true);
        return Task.CompletedTask;
    }

    private async Task ExportAsync()
    {
        await Sheets.DownloadAsync("scheduler-log", format => Logs.ExportAsync(_filter, format));
    }

    private static string? Short(string? text) => text is { Length: > 120 } ? text[..120] + "…" : text;
}
