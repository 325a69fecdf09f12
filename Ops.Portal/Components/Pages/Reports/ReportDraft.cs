using System.Globalization;
using Ops.Domain.Reports;
using Ops.Domain.Reports.Queries;

namespace Ops.Portal.Components.Pages.Reports;

/// <summary>The designer's editable copy of a report: mutable fields the form binds to, turned into a <see cref="ReportInput"/> to save.</summary>
public sealed class ReportDraft
{
    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public string? Category { get; set; }

    public long? DataSourceId { get; set; }

    public bool IsPublic { get; set; } = true;

    public bool EnableWatermark { get; set; }

    public string Query { get; set; } = "";

    public List<ParameterDraft> Parameters { get; set; } = [];

    public ReportDisplayType Display { get; set; } = ReportDisplayType.Table;

    public string? Dimension { get; set; }

    public IReadOnlyCollection<string> Measures { get; set; } = [];

    public string? Series { get; set; }

    public bool Stacked { get; set; }

    public bool Legend { get; set; } = true;

    public ChartSort Sort { get; set; }

    public int? TopN { get; set; }

    public string? XAxisName { get; set; }

    public string? YAxisName { get; set; }

    /// <summary>Colours as typed: <c>#5470c6, #91cc75</c>.</summary>
    public string? Colors { get; set; }

    /// <summary>Bands as typed, one per line: <c>&gt;= 80 #ee6666</c>.</summary>
    public string? Thresholds { get; set; }

    public decimal? Min { get; set; }

    public decimal? Max { get; set; }

    public string? TargetColumn { get; set; }

    public decimal? Target { get; set; }

    public bool ComparePrevious { get; set; }

    public int PageSize { get; set; } = 20;

    public bool Totals { get; set; }

    public bool FreezeFirstColumn { get; set; }

    public List<ColumnDraft> Columns { get; set; } = [];

    public string? ScopeDepartmentColumn { get; set; }

    public string? ScopeUserColumn { get; set; }

    public IReadOnlyCollection<long> GrantRoles { get; set; } = [];

    public IReadOnlyCollection<long> GrantDepartments { get; set; } = [];

    public IReadOnlyCollection<long> GrantUsers { get; set; } = [];

    public static ReportDraft From(ReportInput input)
    {
        var d = input.Definition;
        var chart = d.ChartOrDefault;
        var table = d.TableOrDefault;
        return new ReportDraft
        {
            Name = input.Name, Description = input.Description, Category = input.Category, DataSourceId = input.DataSourceId,
            IsPublic = input.IsPublic, EnableWatermark = input.EnableWatermark, Query = d.Query,
            Parameters = [.. d.Parameters.Select(ParameterDraft.From)], Display = d.Display,
            Dimension = chart.Dimension, Measures = [.. chart.Measures ?? []], Series = chart.Series, Stacked = chart.Stacked, Legend = chart.Legend,
            Sort = chart.Sort, TopN = chart.TopN, XAxisName = chart.XAxisName, YAxisName = chart.YAxisName,
            Colors = chart.Colors is { Count: > 0 } colors ? string.Join(", ", colors) : null,
            Thresholds = chart.Thresholds is { Count: > 0 } bands ? string.Join("\n", bands.Select(Rule)) : null,
            Min = chart.Min, Max = chart.Max, TargetColumn = chart.TargetColumn, Target = chart.Target, ComparePrevious = chart.ComparePrevious,
            PageSize = table.PageSize, Totals = table.Totals, FreezeFirstColumn = table.FreezeFirstColumn,
            Columns = [.. (d.Columns ?? []).Select(ColumnDraft.From)],
            ScopeDepartmentColumn = d.Scope?.DepartmentColumn, ScopeUserColumn = d.Scope?.UserColumn,
            GrantRoles = [.. input.Grants.Where(g => g.Kind == ReportGrantKind.Role).Select(g => g.TargetId)],
            GrantDepartments = [.. input.Grants.Where(g => g.Kind == ReportGrantKind.Department).Select(g => g.TargetId)],
            GrantUsers = [.. input.Grants.Where(g => g.Kind == ReportGrantKind.User).Select(g => g.TargetId)],
        };
    }

    public ReportDefinition Definition => new(
        Query,
        [.. Parameters.Select((p, i) => p.ToParameter(i))],
        Display,
        new ChartSettings(Blank(Dimension), Measures.Count > 0 ? [.. Measures] : null, Blank(Series), Stacked, Blank(XAxisName), Blank(YAxisName),
            SplitColors(Colors), ParseRules(Thresholds), Sort, TopN, Legend, Min, Max, Blank(TargetColumn), Target, ComparePrevious),
        Columns.Count > 0 ? [.. Columns.Where(c => !c.IsDefault).Select(c => c.ToSettings())] : null,
        new TableSettings(PageSize, Totals, FreezeFirstColumn),
        Blank(ScopeDepartmentColumn) is null && Blank(ScopeUserColumn) is null ? null : new RowScope(Blank(ScopeDepartmentColumn), Blank(ScopeUserColumn)));

    public ReportInput ToInput() => new(Name, Description, Category, DataSourceId ?? 0, IsPublic, EnableWatermark, Definition,
    [
        .. GrantRoles.Select(id => new ReportGrantInput(ReportGrantKind.Role, id)),
        .. GrantDepartments.Select(id => new ReportGrantInput(ReportGrantKind.Department, id)),
        .. GrantUsers.Select(id => new ReportGrantInput(ReportGrantKind.User, id)),
    ]);

    /// <summary>A column per result column, keeping what was set for those already known.</summary>
    public void MatchColumns(QueryResult result)
    {
        var known = Columns.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
        Columns = [.. result.Columns.Select(c => known.TryGetValue(c.Name, out var kept) ? kept : new ColumnDraft { Name = c.Name })];
    }

    public static string Rule(ColorRule rule) => string.Create(CultureInfo.InvariantCulture, $"{rule.Operator} {rule.Value} {rule.Color}");

    /// <summary>Rules written <c>&gt;= 80 #ee6666</c>, one per line or separated by semicolons; lines that do not read are kept as typed so validation names them.</summary>
    public static IReadOnlyList<ColorRule>? ParseRules(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var rules = new List<ColorRule>();
        foreach (var line in text.Split(['\n', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            rules.Add(parts.Length == 3 && decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
                ? new ColorRule(parts[0], value, parts[2])
                : new ColorRule("?", 0, line));
        }

        return rules;
    }

    private static IReadOnlyList<string>? SplitColors(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public sealed class ParameterDraft
{
    public string Name { get; set; } = "";

    public ReportParameterType Type { get; set; } = ReportParameterType.Text;

    public string? Label { get; set; }

    public bool Required { get; set; }

    public string? Default { get; set; }

    /// <summary>Fixed choices as typed: <c>east=East, west=West</c>.</summary>
    public string? Options { get; set; }

    public string? OptionsQuery { get; set; }

    public bool ShowAsFilter { get; set; } = true;

    public static ParameterDraft From(ReportParameter p) => new()
    {
        Name = p.Name, Type = p.Type, Label = p.Label, Required = p.Required, Default = p.Default,
        Options = p.Options is { Count: > 0 } options ? string.Join(", ", options) : null, OptionsQuery = p.OptionsQuery, ShowAsFilter = p.ShowAsFilter,
    };

    public ReportParameter ToParameter(int order) => new(
        Name.Trim(), Type, string.IsNullOrWhiteSpace(Label) ? null : Label.Trim(), Required, string.IsNullOrWhiteSpace(Default) ? null : Default.Trim(),
        string.IsNullOrWhiteSpace(Options) ? null : Options.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        string.IsNullOrWhiteSpace(OptionsQuery) ? null : OptionsQuery.Trim(), ShowAsFilter, order);
}

public sealed class ColumnDraft
{
    public string Name { get; set; } = "";

    public string? Label { get; set; }

    public ColumnFormat Format { get; set; }

    public int? Decimals { get; set; }

    public bool Thousands { get; set; } = true;

    public string? Pattern { get; set; }

    public string? Currency { get; set; }

    public int? Width { get; set; }

    public bool Hidden { get; set; }

    /// <summary>Conditional colours as typed, like thresholds.</summary>
    public string? Colors { get; set; }

    public bool IsDefault => Label is null or "" && Format == ColumnFormat.Auto && Decimals is null && Thousands && Pattern is null or "" && Currency is null or ""
        && Width is null && !Hidden && Colors is null or "";

    public static ColumnDraft From(ColumnSettings c) => new()
    {
        Name = c.Name, Label = c.Label, Format = c.Format, Decimals = c.Decimals, Thousands = c.Thousands, Pattern = c.Pattern, Currency = c.Currency,
        Width = c.Width, Hidden = c.Hidden, Colors = c.Colors is { Count: > 0 } rules ? string.Join("; ", rules.Select(ReportDraft.Rule)) : null,
    };

    public ColumnSettings ToSettings() => new(Name, string.IsNullOrWhiteSpace(Label) ? null : Label.Trim(), Format, Decimals, Thousands,
        string.IsNullOrWhiteSpace(Pattern) ? null : Pattern.Trim(), string.IsNullOrWhiteSpace(Currency) ? null : Currency.Trim(), Width, Hidden, ReportDraft.ParseRules(Colors));
}
