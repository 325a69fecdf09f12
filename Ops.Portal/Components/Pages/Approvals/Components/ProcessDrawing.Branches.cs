using Blazor.Diagrams.Core.Models;

namespace Ops.Portal.Components.Pages.Approvals.Components;

/// <summary>The branches out of a condition node: their order, the one default, and the label each shows.</summary>
public sealed partial class ProcessDrawing
{
    /// <summary>Moves a branch one place earlier (-1) or later (+1) among the branches of its node.</summary>
    public void MoveBranch(ProcessLinkModel link, int step)
    {
        var siblings = Links.Where(l => l.From == link.From).ToList();
        var index = siblings.IndexOf(link);
        if (index < 0 || index + step < 0 || index + step >= siblings.Count)
        {
            return;
        }

        var other = siblings[index + step];
        (link.BranchOrder, other.BranchOrder) = (other.BranchOrder, link.BranchOrder);
        RaiseGraphChanged();
    }

    /// <summary>Makes <paramref name="link"/> the one default branch of its node (or not).</summary>
    public void SetDefault(ProcessLinkModel link, bool isDefault)
    {
        foreach (var sibling in Links.Where(l => l.From == link.From && l != link && isDefault && l.IsDefault))
        {
            sibling.IsDefault = false;
            sibling.Refresh();
        }

        link.IsDefault = isDefault;
        if (isDefault)
        {
            // The default branch is taken when no other holds; conditions on it would never be read.
            link.Conditions = [];
        }
    }

    /// <summary>The text on the link (its conditions, or "default"); redraws it.</summary>
    public static void Label(ProcessLinkModel link, string? text)
    {
        link.Labels.Clear();
        if (!string.IsNullOrEmpty(text))
        {
            link.Labels.Add(new LinkLabelModel(link, text));
        }

        link.Refresh();
    }
}
