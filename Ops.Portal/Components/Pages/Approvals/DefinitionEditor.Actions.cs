using MudBlazor;
using Ops.Domain.Approvals;
using Ops.Domain.Common;
using Ops.Portal.Common;

namespace Ops.Portal.Components.Pages.Approvals;

/// <summary>The editor's calls to the service: save the draft, publish, describe, callback settings.</summary>
public sealed partial class DefinitionEditor
{
    /// <summary>Saves process and form together; true when saved (or nothing was pending).</summary>
    private async Task<bool> SaveDraftAsync()
    {
        if (!_dirty)
        {
            return true;
        }

        var process = _drawing.ToProcess();
        var saved = await Ui.RunAsync(() => Definitions.SaveDesignAsync(Id, process, _form, _version));
        if (saved is { IsFailure: true })
        {
            Ui.ShowError(saved.Error!);
            return false;
        }

        if (saved is null)
        {
            return false;
        }

        (_version, _dirty) = (saved.Value, false);
        return true;
    }

    private Task SaveAsync() => BusyAsync(async () =>
    {
        if (await SaveDraftAsync())
        {
            Snackbar.Add(T["common.saved"], Severity.Success);
        }
    });

    /// <summary>Pending edits are saved first (publish freezes the stored draft); a refusal is shown and the draft stays.</summary>
    private Task PublishAsync() => BusyAsync(async () =>
    {
        _publishError = null;
        _pendingCheck?.Cancel();
        Check();
        if (!await SaveDraftAsync())
        {
            return;
        }

        var published = await Ui.RunAsync(() => Definitions.PublishAsync(Id));
        if (published is { IsFailure: true, Error: { } error })
        {
            _publishError = T["approval.designer.publish_refused", Ui.Describe(error.Code, error.Args)];
            return;
        }

        if (published is not null)
        {
            Snackbar.Add(T["approval.designer.published", published.Value], Severity.Success);
            await RefreshAsync();
        }
    });

    private Task DescribeAsync(DefinitionInput input) => BusyAsync(async () =>
    {
        _basicsErrors.Clear();
        var result = await Ui.RunAsync(() => Definitions.DescribeAsync(Id, input, _version));
        await AfterAsync(result, _basicsErrors);
    });

    private Task SaveCallbackAsync(CallbackInput input) => BusyAsync(async () =>
    {
        _basicsErrors.Clear();
        var result = await Ui.RunAsync(() => Definitions.SetCallbackAsync(Id, input));
        await AfterAsync(result, _basicsErrors);
    });

    /// <param name="result">What the service answered (null when it threw, already shown).</param>
    /// <param name="errors">The form that shows a refusal on its fields; without one it is a toast.</param>
    private async Task AfterAsync(Result? result, FieldErrors? errors = null)
    {
        if (result is { IsFailure: true } && errors is not null)
        {
            Ui.ShowError(result.Error!, errors);
        }
        else if (result is { IsFailure: true })
        {
            Ui.ShowError(result.Error!);
        }
        else if (result is not null)
        {
            Snackbar.Add(T["common.saved"], Severity.Success);
            await RefreshAsync();
        }
    }

    /// <summary>Takes the stored basics, status, versions and row version; unsaved design edits are kept.</summary>
    private async Task RefreshAsync()
    {
        var found = await Ui.RunAsync(() => Definitions.GetAsync(Id));
        if (found is { IsSuccess: true, Value: { } detail })
        {
            (_detail, _version) = (detail, detail.Version);
        }
    }

    private async Task BusyAsync(Func<Task> action)
    {
        _busy = true;
        try
        {
            await action();
        }
        finally
        {
            _busy = false;
        }
    }

    public void Dispose()
    {
        _pendingCheck?.Cancel();
        _pendingCheck?.Dispose();
        _drawing.GraphChanged -= OnGraphChanged;
        _drawing.Dispose();
    }
}
