using MudBlazor;
using Ops.Domain.Auth;
using Ops.Portal.Common;

namespace Ops.Portal.Components.Pages.Reports;

/// <summary>The report pages in the drawer.</summary>
public static class ReportsMenu
{
    public static NavGroup Group { get; } = new(ReportPermissions.Descriptor, "perm.report", Icons.Material.Filled.Assessment,
    [
        new("perm.report.datasources.view", "/report/datasources", Icons.Material.Filled.Storage, ReportPermissions.DataSources.View),
    ]);
}
