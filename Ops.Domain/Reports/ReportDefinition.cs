using System.Text.Json;
using System.Text.Json.Serialization;
using Ops.Domain.Common;
using Ops.Domain.Reports.Queries;

namespace Ops.Domain.Reports;

/// <summary>The spec's nine display types.</summary>
public enum ReportDisplayType
{
    Table,
    Line,
    Bar,
    Pie,
    Funnel,
    Gauge,
    Heatmap,
    Card,
    Progress,
}

public enum ColumnFormat
{
    Auto,
    Number,
    Percent,
    Currency,
    DateTime,
    Text,
}

public enum ChartSort
{
    None,
    Ascending,
    Descending,
}

/// <summary>A conditional colour: values for which <see cref="Operator"/> <see cref="Value"/> holds are drawn in <see cref="Color"/>.</summary>
public sealed record ColorRule(string Operator, decimal Value, string Color)
{
    public static readonly IReadOnlyList<string> Operators = [">", ">=", "<", "<=", "=", "!="];

    public bool Matches(decimal value) => Operator switch
    {
        ">" => value > Value,
        ">=" => value >= Value,
        "<" => value < Value,
        "<=" => value <= Value,
        "=" => value == Value,
        "!=" => value != Value,
        _ => false,
    };
}

/// <summary>How one result column shows: label, format, width, conditional colours.</summary>
public sealed record ColumnSettings(
    string Name,
    string? Label = null,
    ColumnFormat Format = ColumnFormat.Auto,
    int? Decimals = null,
    bool Thousands = true,
    string? Pattern = null,
    string? Currency = null,
    int? Width = null,
    bool Hidden = false,
    IReadOnlyList<ColorRule>? Colors = null);

/// <summary>
/// Which columns the chart draws and how: the dimension (x axis, slices, stages, heatmap x), the measures (one series
/// each), or a series column that splits one measure into series (long data); stacking, axis names, colours,
/// thresholds (gauge and progress bands), sort and top N, legend; gauge range and the progress target.
/// </summary>
public sealed record ChartSettings(
    string? Dimension = null,
    IReadOnlyList<string>? Measures = null,
    string? Series = null,
    bool Stacked = false,
    string? XAxisName = null,
    string? YAxisName = null,
    IReadOnlyList<string>? Colors = null,
    IReadOnlyList<ColorRule>? Thresholds = null,
    ChartSort Sort = ChartSort.None,
    int? TopN = null,
    bool Legend = true,
    decimal? Min = null,
    decimal? Max = null,
    string? TargetColumn = null,
    decimal? Target = null,
    bool ComparePrevious = false);

public sealed record TableSettings(int PageSize = 20, bool Totals = false, bool FreezeFirstColumn = false);

/// <summary>What an editor designs: the query and its parameters, the display and its settings, rows by scope.</summary>
public sealed record ReportDefinition(
    string Query,
    IReadOnlyList<ReportParameter> Parameters,
    ReportDisplayType Display = ReportDisplayType.Table,
    ChartSettings? Chart = null,
    IReadOnlyList<ColumnSettings>? Columns = null,
    TableSettings? Table = null,
    RowScope? Scope = null)
{
    public const int MaxParameters = 30;
    public const int MaxColumns = 200;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static ReportDefinition Empty { get; } = new("", []);

    public ChartSettings ChartOrDefault => Chart ?? new ChartSettings();

    public TableSettings TableOrDefault => Table ?? new TableSettings();

    public ColumnSettings? Column(string name) => Columns?.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ReportDefinition FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json) || json == "{}")
        {
            return Empty;
        }

        return JsonSerializer.Deserialize<ReportDefinition>(json, Json) ?? Empty;
    }
}
