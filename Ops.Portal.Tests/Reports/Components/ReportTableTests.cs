using Bunit;
using Ops.Domain.Reports;
using Ops.Domain.Reports.Queries;
using Ops.Portal.Components.Pages.Reports.Components;

namespace Ops.Portal.Tests.Reports.Components;

/// <summary>A table the database pages shows the totals of every row, not of the page on screen.</summary>
public sealed class ReportTableTests : PortalTestContext
{
    [Fact]
    public void TheTotalsRow_OfAPagedTable_IsTheSumOverAllRows()
    {
        Services.AddScoped<Ops.Portal.Common.UiErrorHandler>();
        var definition = new ReportDefinition("SELECT region, amount FROM sales", [], ReportDisplayType.Table, Table: new TableSettings(PageSize: 2, Totals: true));
        var page = new QueryResult([new QueryColumn("region", QueryColumnKind.Text), new QueryColumn("amount", QueryColumnKind.Number)],
            [["east", 100m], ["west", 80m]], false, 1);
        IReadOnlyList<string>? asked = null;

        var table = Render<ReportTable>(p => p
            .Add(t => t.Definition, definition)
            .Add(t => t.Pages, _ => Task.FromResult<Result<QueryPageResult>?>(new QueryPageResult(page, HasMore: true)))
            .Add(t => t.Count, () => Task.FromResult<Result<long>?>(12L))
            .Add(t => t.SumAll, columns =>
            {
                asked = columns;
                return Task.FromResult<Result<IReadOnlyList<decimal?>>?>(Result<IReadOnlyList<decimal?>>.Success([1280m]));
            }));

        table.WaitForAssertion(() => Assert.Equal("1,280", table.Find("td[data-total='amount']").TextContent.Trim()));
        Assert.Equal(["amount"], asked);
    }
}
