using MudBlazor;
using Ops.Portal.Components.Pages.Auth.Components;

namespace Ops.Portal.Tests.Auth.Components;

public sealed class GrantTreeSearchTests
{
    [Fact]
    public void AMatch_ExpandsItsAncestors_KeepsItsSubtree_AndHidesUnrelatedNodes()
    {
        var tree = new List<TreeItemData<string>>
        {
            Item("scheduler", Item("scheduler.jobs.view", Item("scheduler.jobs.run")), Item("scheduler.logs.view", Item("scheduler.logs.clear"))),
            Item("system", Item("system.users.view")),
        };
        var names = new Dictionary<string, string> { ["scheduler.logs.view"] = "调度日志" };

        var hidden = GrantTreeSearch.Apply(tree, "调度", Matches(names));

        Assert.Equal(["scheduler.jobs.run", "scheduler.jobs.view", "system", "system.users.view"], hidden.Order(StringComparer.Ordinal));
        Assert.True(tree[0].Expanded);
        Assert.False(tree[0].Children!.ElementAt(1).Expanded); // the match itself stays as it was; its subtree is shown
        Assert.DoesNotContain("scheduler.logs.clear", hidden);
        Assert.Empty(GrantTreeSearch.Apply(tree, "  ", Matches(names)));
        Assert.Equal(4, GrantTreeSearch.Apply(tree, "LOGS.CLEAR", Matches(names)).Count); // by code, ignoring case
    }

    private static Func<string, string, bool> Matches(Dictionary<string, string> names) =>
        (code, text) => GrantTreeSearch.CodeOrName(code, names.GetValueOrDefault(code), text);

    private static TreeItemData<string> Item(string code, params TreeItemData<string>[] children) =>
        new() { Value = code, Children = children.Length == 0 ? null : [.. children] };
}
