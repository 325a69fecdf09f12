using Ops.Domain.Common;

// The whole permission catalogue shares the Ops.Domain.Auth namespace, whatever module folder a class sits in:
// pages and services name any module's codes with the one using they already have.
namespace Ops.Domain.Auth;

/// <summary>Approvals (seed section 2.5).</summary>
public static class ApprovalPermissions
{
    public const string Module = "workflow";
    public const string Root = "workflow";

    /// <summary>The module in code (<c>Approvals</c> folders), its spec route prefix and permission prefix.</summary>
    public static ModuleDescriptor Descriptor { get; } = new("Approvals", "/workflow", Module);

    public static class Definitions
    {
        public const string View = "workflow.definitions.view";
        public const string Edit = "workflow.definitions.edit";
        public const string Publish = "workflow.definitions.publish";
        public const string Delete = "workflow.definitions.delete";
    }

    public static class Instances
    {
        public const string Todo = "workflow.instances.todo";
        public const string ViewAll = "workflow.instances.view_all";
        public const string Terminate = "workflow.instances.terminate";
    }

    public static IReadOnlyList<PermissionDefinition> All { get; } = new PermissionTreeBuilder(Module)
        .Menu(Root)
        .Menu(Definitions.View, Root, "/workflow/definitions")
        .Buttons(Definitions.View, Definitions.Edit, Definitions.Publish, Definitions.Delete)
        .Menu(Instances.Todo, Root, "/workflow/todo")
        .Buttons(Instances.Todo, Instances.ViewAll, Instances.Terminate)
        .Build();
}
