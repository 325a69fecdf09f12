using System.Text.Json;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Ops.Domain.Approvals;
using Ops.Domain.Common;
using Ops.Portal.Common;
using Ops.Portal.Components.Shared;

namespace Ops.Portal.Components.Pages.Approvals.Components;

/// <summary>Maps each allowed action to its dialog and <see cref="IApprovalService"/> call.</summary>
public sealed partial class InstanceActions
{
    private bool _busy;

    [Parameter, EditorRequired]
    public InstanceDetail Detail { get; set; } = default!;

    /// <summary>The form as the approver edited it; the editable fields that differ go with the approval.</summary>
    [Parameter]
    public IReadOnlyDictionary<string, JsonElement>? Values { get; set; }

    /// <summary>Where a refusal that names a form field is shown (on that field); others are shown as a message.</summary>
    [Parameter]
    public FieldErrors? Refused { get; set; }

    /// <summary>After an action went through: the page reloads.</summary>
    [Parameter]
    public EventCallback Changed { get; set; }

    private int? _chosenTask;

    /// <summary>The task the buttons act on: the one chosen when the viewer holds several, else their only one.</summary>
    private TaskRef? MyTask => Detail.Allowed.MyTasks.Count == 0 ? null
        : new TaskRef(Detail.Id, _chosenTask is { } chosen && Detail.Allowed.MyTasks.Contains(chosen) ? chosen : Detail.Allowed.MyTasks[0]);

    private string TaskLabel(int number) => Detail.Tasks.FirstOrDefault(t => t.Number == number) is { } task
        ? task.OnBehalfOfName is { } owner ? T["approval.action.task_on_behalf", task.NodeName, owner] : T["approval.action.task_own", task.NodeName]
        : $"#{number}";

    protected override async Task OnInitializedAsync()
    {
        // Opening the application reads a copy sent to the viewer; for anyone else it is a harmless no-op (cc.not_found).
        await Ui.RunAsync(() => Approvals.MarkCcReadAsync(Detail.Id));
    }

    private string NameOfTask(int number) => Detail.Tasks.FirstOrDefault(t => t.Number == number)?.AssigneeName ?? $"#{number}";

    private async Task ApproveAsync()
    {
        if (await AskAsync("approval.action.approve") is { } input)
        {
            await RunAsync(() => Approvals.ApproveAsync(MyTask!, input.Comment, FormChanges()), "approval.done.approve");
        }
    }

    private async Task RejectAsync()
    {
        if (await AskAsync("approval.action.reject", p =>
        {
            p.Add(d => d.RejectTargets, true);
            p.Add(d => d.CommentRequired, true);
        }) is { } input)
        {
            await RunAsync(() => Approvals.RejectAsync(MyTask!, input.Comment, input.Target), "approval.done.reject");
        }
    }

    private async Task TransferAsync()
    {
        if (await AskAsync("approval.action.transfer", p => p.Add(d => d.PickUser, true)) is { } input)
        {
            await RunAsync(() => Approvals.TransferAsync(MyTask!, input.UserId, input.Comment), "approval.done.transfer");
        }
    }

    private async Task DelegateAsync()
    {
        if (await AskAsync("approval.action.delegate", p => p.Add(d => d.PickUser, true)) is { } input)
        {
            await RunAsync(() => Approvals.DelegateAsync(MyTask!, input.UserId, input.Comment), "approval.done.delegate");
        }
    }

    private async Task AddApproverAsync()
    {
        if (await AskAsync("approval.action.addapprover", p => { p.Add(d => d.PickUser, true); p.Add(d => d.Positions, true); }) is { } input)
        {
            await RunAsync(() => Approvals.AddApproverAsync(MyTask!, input.UserId, input.Position, input.Comment), "approval.done.add");
        }
    }

    private async Task RemoveApproverAsync(int number)
    {
        if (await AskAsync("approval.action.removeapprover") is { } input)
        {
            await RunAsync(() => Approvals.RemoveApproverAsync(new TaskRef(Detail.Id, number), input.Comment), "approval.done.remove");
        }
    }

    private async Task WithdrawAsync()
    {
        if (await AskAsync("approval.action.withdraw") is { } input)
        {
            await RunAsync(() => Approvals.WithdrawAsync(Detail.Id, input.Comment), "approval.done.withdraw");
        }
    }

    private Task UrgeAsync() => RunAsync(() => Approvals.UrgeAsync(Detail.Id), "approval.done.urge");

    private async Task CommentAsync()
    {
        if (await AskAsync("approval.action.comment", p => { p.Add(d => d.Attachments, true); p.Add(d => d.CommentRequired, true); }) is { } input)
        {
            await RunAsync(() => Approvals.CommentAsync(Detail.Id, input.Comment, input.Attachments), "approval.done.comment");
        }
    }

    private async Task TerminateAsync()
    {
        if (!await ConfirmDialog.ShowAsync(Dialogs, T["approval.action.terminate"], T["approval.terminate_confirm", Detail.Title], T["approval.action.terminate"]))
        {
            return;
        }

        if (await AskAsync("approval.action.terminate", p => p.Add(d => d.CommentRequired, true)) is { } input)
        {
            await RunAsync(() => Approvals.TerminateAsync(Detail.Id, input.Comment), "approval.done.terminate");
        }
    }

    private Task<ActionInput?> AskAsync(string titleKey, Action<DialogParameters<ApprovalActionDialog>>? configure = null)
    {
        var parameters = new DialogParameters<ApprovalActionDialog>();
        configure?.Invoke(parameters);
        return ApprovalActionDialog.ShowAsync(Dialogs, T[titleKey], parameters);
    }

    /// <summary>The editable fields whose value the approver changed; a cleared field is sent as JSON null.</summary>
    private Dictionary<string, JsonElement>? FormChanges()
    {
        if (Values is null || Detail.Allowed.EditableFields.Count == 0)
        {
            return null;
        }

        var changes = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var key in Detail.Allowed.EditableFields)
        {
            var before = Detail.FormData.TryGetValue(key, out var b) ? b.GetRawText() : null;
            var after = Values.TryGetValue(key, out var a) ? a : (JsonElement?)null;
            if (before != after?.GetRawText())
            {
                changes[key] = after ?? FormValues.Of<object?>(null);
            }
        }

        return changes.Count == 0 ? null : changes;
    }

    private async Task RunAsync(Func<Task<Result>> action, string doneKey)
    {
        _busy = true;
        try
        {
            Refused?.Clear();
            var result = await Ui.RunAsync(action);
            if (result is { IsFailure: true, Error: var error })
            {
                if (Refused is not null && error!.Field is not null)
                {
                    Ui.ShowError(error, Refused);
                }

                Ui.ShowError(error!);
            }
            else if (result is not null)
            {
                Snackbar.Add(T[doneKey], Severity.Success);
            }

            // Reload either way: a failure such as "already handled" means the page is out of date.
            await Changed.InvokeAsync();
        }
        finally
        {
            _busy = false;
        }
    }
}
