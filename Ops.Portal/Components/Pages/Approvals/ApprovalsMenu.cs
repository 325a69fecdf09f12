using MudBlazor;
using Ops.Domain.Auth;
using Ops.Portal.Common;

namespace Ops.Portal.Components.Pages.Approvals;

/// <summary>The approval pages in the drawer; an instance page belongs to the inbox.</summary>
public static class ApprovalsMenu
{
    /// <summary>The approval inbox, whose item carries the live to-do count.</summary>
    public const string InboxHref = "/workflow/todo";

    public static NavGroup Group { get; } = new(ApprovalPermissions.Descriptor, "perm.workflow", Icons.Material.Filled.Approval,
    [
        new("approval.apply.title", "/workflow/apply", Icons.Material.Filled.PostAdd, ApprovalPermissions.Instances.Todo),
        new("perm.workflow.instances.todo", InboxHref, Icons.Material.Filled.Inbox, ApprovalPermissions.Instances.Todo),
        new("approval.delegation.title", "/workflow/delegation", Icons.Material.Filled.EventBusy, ApprovalPermissions.Instances.Todo),
        new("perm.workflow.definitions.view", "/workflow/definitions", Icons.Material.Filled.AccountTree, ApprovalPermissions.Definitions.View),
    ]) { Details = [new("/workflow/instances/", InboxHref)] };
}
