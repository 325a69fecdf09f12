using MudBlazor;
using Ops.Portal.Common;
using SortDirection = Ops.Domain.Common.SortDirection;

namespace Ops.Portal.Tests.Common;

public sealed class GridSortsTests
{
    private sealed record Row(DateTimeOffset CreatedAt, string Name);

    [Fact]
    public void Request_CarriesThePageAndEverySort_NamedAsTheServiceWhitelistsThem()
    {
        var state = new GridState<Row>
        {
            Page = 2,
            PageSize = 50,
            SortDefinitions =
            {
                new SortDefinition<Row>(nameof(Row.CreatedAt), true, 0, r => r.CreatedAt),
                new SortDefinition<Row>(nameof(Row.Name), false, 1, r => r.Name),
            },
        };

        var request = GridSorts.Request(state);

        Assert.Equal((2, 50), (request.Page, request.PageSize));
        Assert.Equal([new SortSpec("createdAt", SortDirection.Descending), new SortSpec("name", SortDirection.Ascending)], request.Sort);
    }
}
