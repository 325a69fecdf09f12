using System.Text.RegularExpressions;
using Ops.Domain.Common;
using Ops.Domain.Reports.Queries;

namespace Ops.Domain.Reports;

/// <summary>Validation of what the report designer saves, shared by the service and the designer.</summary>
public static partial class ReportRules
{
    public const int ColumnNameMaxLength = 128;
    public const int MaxTopN = 1000;

    public static Result Validate(ReportInput input)
    {
        var checks = new Func<Result>[]
        {
            () => TextRules.Required(input.Name, Report.NameMaxLength, "field.name"),
            () => TextRules.Optional(input.Description, Report.DescriptionMaxLength, "field.description"),
            () => TextRules.Optional(input.Category, Report.CategoryMaxLength, "field.category"),
            () => input.DataSourceId > 0 ? Result.Success() : Error.Invalid("common.required", "field.data_source").On("report.datasource"),
            () => input.Grants.Count <= 500 && input.Grants.All(g => Enum.IsDefined(g.Kind) && g.TargetId > 0)
                ? Result.Success() : Error.Invalid("report.grant.invalid").On("report.grants"),
            () => Validate(input.Definition),
        };
        foreach (var check in checks)
        {
            if (check() is { IsFailure: true } failed)
            {
                return failed.Error!;
            }
        }

        return Result.Success();
    }

    public static Result Validate(ReportDefinition definition)
    {
        if (!Enum.IsDefined(definition.Display))
        {
            return Error.Invalid("report.display.invalid").On("report.display");
        }

        if (definition.Query.Length > SqlReadGuard.MaxLength)
        {
            return Error.Invalid("report.query.too_long", SqlReadGuard.MaxLength).On("report.query");
        }

        if (ValidateParameters(definition.Parameters) is { IsFailure: true } parameters)
        {
            return parameters;
        }

        if (definition.Scope is { } scope && ((scope.DepartmentColumn is { } d && !RowScope.IsColumnName(d)) || (scope.UserColumn is { } u && !RowScope.IsColumnName(u))))
        {
            return Error.Invalid("report.scope.column_invalid").On("report.scope_column");
        }

        return ValidateSettings(definition);
    }

    private static Result ValidateParameters(IReadOnlyList<ReportParameter> parameters)
    {
        if (parameters.Count > ReportDefinition.MaxParameters)
        {
            return Error.Invalid("report.parameter.too_many", ReportDefinition.MaxParameters).On("report.parameters");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in parameters)
        {
            var field = "param." + p.Name;
            if (!SqlLexer.IsParameterName(p.Name) || p.Name.Contains('.', StringComparison.Ordinal))
            {
                return Error.Invalid("report.parameter.name_invalid", p.Name).On("report.parameters");
            }

            if (!seen.Add(p.Name))
            {
                return Error.Invalid("report.parameter.duplicate", p.Name).On("report.parameters");
            }

            if (!Enum.IsDefined(p.Type))
            {
                return Error.Invalid("report.parameter.type_invalid", p.Name).On(field);
            }

            if ((p.Label?.Length ?? 0) > ReportParameter.LabelMaxLength || (p.Default?.Length ?? 0) > ReportParameter.DefaultMaxLength)
            {
                return Error.Invalid("common.too_long", "field.parameter", ReportParameter.LabelMaxLength).On(field);
            }

            if ((p.Options?.Count ?? 0) > ReportParameter.MaxOptions || (p.Options?.Any(o => o.Length > ReportParameter.DefaultMaxLength) ?? false))
            {
                return Error.Invalid("report.parameter.too_many_options", ReportParameter.MaxOptions).On(field);
            }

            if (p.Type is ReportParameterType.Choice or ReportParameterType.MultiChoice && (p.Options?.Count ?? 0) == 0 && string.IsNullOrWhiteSpace(p.OptionsQuery))
            {
                return Error.Invalid("report.parameter.choices_missing", p.Label ?? p.Name).On(field);
            }

            if (p.OptionsQuery is { Length: > SqlReadGuard.MaxLength })
            {
                return Error.Invalid("report.query.too_long", SqlReadGuard.MaxLength).On(field);
            }

            // A default must be a value the parameter accepts (a date that exists, a number, a known choice).
            if (!string.IsNullOrWhiteSpace(p.Default) && ReportParameterValues.Parse([p with { Required = false }], new Dictionary<string, string?>(), new QueryViewer(null, null)) is { IsFailure: true } bad)
            {
                return bad.Error!;
            }
        }

        return Result.Success();
    }

    private static Result ValidateSettings(ReportDefinition definition)
    {
        var chart = definition.ChartOrDefault;
        var names = new[] { chart.Dimension, chart.Series, chart.TargetColumn }.Concat(chart.Measures ?? []).Concat((definition.Columns ?? []).Select(c => c.Name));
        if (names.Any(n => n is { Length: 0 or > ColumnNameMaxLength }) || (definition.Columns?.Count ?? 0) > ReportDefinition.MaxColumns)
        {
            return Error.Invalid("report.column.invalid").On("report.columns");
        }

        var colors = (chart.Colors ?? []).Concat((chart.Thresholds ?? []).Select(t => t.Color)).Concat((definition.Columns ?? []).SelectMany(c => c.Colors ?? []).Select(r => r.Color));
        if (colors.Any(c => !ColorPattern().IsMatch(c)))
        {
            return Error.Invalid("report.color.invalid").On("report.colors");
        }

        var rules = (chart.Thresholds ?? []).Concat((definition.Columns ?? []).SelectMany(c => c.Colors ?? []));
        if (rules.Any(r => !ColorRule.Operators.Contains(r.Operator)))
        {
            return Error.Invalid("report.color.invalid").On("report.colors");
        }

        if (chart.TopN is < 1 or > MaxTopN)
        {
            return Error.Invalid("report.chart.top_n_invalid", MaxTopN).On("report.top_n");
        }

        if (chart.Min is { } min && chart.Max is { } max && min >= max)
        {
            return Error.Invalid("report.chart.range_invalid").On("report.max");
        }

        if (definition.TableOrDefault.PageSize is < 5 or > 500)
        {
            return Error.Invalid("report.table.page_size_invalid").On("report.page_size");
        }

        var formats = definition.Columns ?? [];
        return formats.Any(c => c.Decimals is < 0 or > 10 || c.Width is < 20 or > 2000 || (c.Label?.Length ?? 0) > ColumnNameMaxLength
                || (c.Pattern?.Length ?? 0) > 40 || (c.Currency?.Length ?? 0) > 5 || !Enum.IsDefined(c.Format))
            ? Error.Invalid("report.column.format_invalid").On("report.columns")
            : Result.Success();
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex ColorPattern();
}
