using Ops.Domain.Common;

// The whole permission catalogue shares the Ops.Domain.Auth namespace, whatever module folder a class sits in:
// pages and services name any module's codes with the one using they already have.
namespace Ops.Domain.Auth;

/// <summary>Reports and data sources (seed section 2.4). Subscribe comes with the subscriptions.</summary>
public static class ReportPermissions
{
    public const string Module = "report";
    public const string Root = "report";

    /// <summary>The module in code (<c>Reports</c> folders), its spec route prefix and permission prefix.</summary>
    public static ModuleDescriptor Descriptor { get; } = new("Reports", "/report", Module);

    public static class Reports
    {
        public const string View = "report.reports.view";
        public const string Edit = "report.reports.edit";
        public const string Delete = "report.reports.delete";
        public const string Publish = "report.reports.publish";
        public const string Export = "report.reports.export";
        public const string Subscribe = "report.reports.subscribe";

        /// <summary>Write and run SQL in the report editor (as <c>scheduler.jobs.script</c> is apart from editing jobs).</summary>
        public const string Query = "report.reports.query";
    }

    public static class DataSources
    {
        public const string View = "report.datasources.view";
        public const string Edit = "report.datasources.edit";
        public const string Delete = "report.datasources.delete";
        public const string Test = "report.datasources.test";
    }

    public static IReadOnlyList<PermissionDefinition> All { get; } = new PermissionTreeBuilder(Module)
        .Menu(Root)
        .Menu(Reports.View, Root, "/report/list")
        .Buttons(Reports.View, Reports.Edit, Reports.Query, Reports.Publish, Reports.Delete, Reports.Export)
        .Menu(DataSources.View, Root, "/report/datasources")
        .Buttons(DataSources.View, DataSources.Edit, DataSources.Delete, DataSources.Test)
        .Build();
}
