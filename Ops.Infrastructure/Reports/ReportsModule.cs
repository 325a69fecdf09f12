using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Ops.Domain.Auth;
using Ops.Domain.Reports;
using Ops.Infrastructure.Common.Modules;
using Ops.Infrastructure.Persistence;
using Ops.Domain.Reports.Queries;
using Ops.Infrastructure.Reports.DataSources;
using Ops.Infrastructure.Common.Egress;
using Ops.Infrastructure.Reports.Queries;
using Ops.Infrastructure.Reports.Queries.ClickHouse;
using Ops.Infrastructure.Reports.Queries.Elasticsearch;
using Ops.Infrastructure.Reports.Queries.Mongo;

namespace Ops.Infrastructure.Reports;

/// <summary>Reports: data sources (which the scheduler's SQL jobs also query), the query engine, reports and their viewer (<c>/report</c>, <c>report.*</c>).</summary>
public static class ReportsModule
{
    public static OpsModule Definition { get; } = new(ReportPermissions.Descriptor, (s, c, e) => s.AddReportsModule(c, e), ApplyConfigurations);

    public static IServiceCollection AddReportsModule(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var dataSources = configuration.GetSection(DataSourceOptions.SectionName).Get<DataSourceOptions>() ?? new DataSourceOptions();
        var sqliteDirectory = string.IsNullOrWhiteSpace(dataSources.SqliteDirectory)
            ? null
            : Path.GetFullPath(dataSources.SqliteDirectory, environment.ContentRootPath);
        if (sqliteDirectory is not null)
        {
            Directory.CreateDirectory(sqliteDirectory);
        }

        services.AddSingleton(sp => new SqliteSourceFiles(sqliteDirectory, sp.GetRequiredService<PortalDatabase>()));
        services.AddSingleton<DataSourceConnections>();
        services.AddScoped<DataSourceAccess>();
        services.AddScoped<IDataSourceService, DataSourceService>();
        services.AddScoped<IReportEngine, AdoReportEngine>();
        services.AddHttpClient(ClickHouseReportEngine.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => NoRedirects(sp.GetRequiredService<EgressPolicy>().CreateHandler()));
        services.AddScoped<IReportEngine, ClickHouseReportEngine>();
        services.AddScoped<IReportEngine, ElasticsearchReportEngine>();
        services.AddScoped<IReportEngine, MongoReportEngine>();
        services.AddScoped<ReportQueryRunner>();
        services.AddScoped<IReportQueryService, ReportQueryService>();
        services.AddScoped<ReportAccess>();
        services.AddScoped<IReportService, ReportService>();
        services.AddScoped<ReportViewer>();
        services.AddScoped<IReportViewer>(sp => sp.GetRequiredService<ReportViewer>());
        services.AddScoped<IReportExporter, Exports.ReportExporter>();
        return services;
    }

    /// <summary>A data source answers where it is configured; a redirect elsewhere is refused, not followed.</summary>
    private static SocketsHttpHandler NoRedirects(SocketsHttpHandler handler)
    {
        handler.AllowAutoRedirect = false;
        return handler;
    }

    public static void ApplyConfigurations(ModelBuilder builder) => ModuleConfigurations.Apply(builder, typeof(ReportsModule));
}
