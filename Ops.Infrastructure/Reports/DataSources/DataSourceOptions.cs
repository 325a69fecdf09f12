namespace Ops.Infrastructure.Reports.DataSources;

/// <summary>Section <c>DataSources</c> of the configuration.</summary>
public sealed class DataSourceOptions
{
    public const string SectionName = "DataSources";

    /// <summary>
    /// The one directory SQLite data sources may live in (relative to the content root). Empty turns SQLite data
    /// sources off. Every path is compared after all its links are resolved.
    /// </summary>
    public string? SqliteDirectory { get; set; } = Path.Combine("App_Data", "datasources");
}
