using MudBlazor;
using Ops.Domain.Auth;
using Ops.Portal.Common;

namespace Ops.Portal.Components.Pages.Reports;

/// <summary>The report pages in the drawer.</summary>
public static class ReportsMenu
{
    public static NavGroup Group { get; } = new(ReportPermissions.Descriptor, "perm.report", Icons.Material.Filled.Assessment,
    [
        new("perm.report.reports.view", "/report/list", Icons.Material.Filled.BarChart, ReportPermissions.Reports.View),
        new("perm.report.datasources.view", "/report/datasources", Icons.Material.Filled.Storage, ReportPermissions.DataSources.View),
    ]) { Details = [new("/report/view/", "/report/list"), new("/report/edit", "/report/list")] };
}
