using Ops.Portal.Common;

namespace Ops.Portal.Tests.Layout;

/// <summary>The breadcrumb finds the menu entry of list pages, their detail pages, and detail pages that live elsewhere.</summary>
public sealed class NavigationCatalogTests
{
    [Theory]
    [InlineData("/workflow/definitions", "/workflow/definitions")]
    [InlineData("/workflow/definitions/7", "/workflow/definitions")]
    [InlineData("/workflow/instances/42", "/workflow/todo")]
    [InlineData("/scheduler/runs/3", "/scheduler/jobs")]
    [InlineData("/scheduler/jobs/9/", "/scheduler/jobs")]
    public void Locate_FindsTheListAPageBelongsTo(string path, string list)
    {
        var (group, item) = NavigationCatalog.Locate(path);

        Assert.NotNull(group);
        Assert.Equal(list, item!.Href);
    }

    [Fact]
    public void Locate_LeavesUnknownPagesAlone() => Assert.Equal((null, null), NavigationCatalog.Locate("/nowhere/1"));
}
