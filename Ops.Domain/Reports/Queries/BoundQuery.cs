namespace Ops.Domain.Reports.Queries;

/// <summary>A parameter value bound to the driver: <see cref="Name"/> without its prefix (<c>p_region</c>), the value typed.</summary>
public sealed record BoundParameter(string Name, object? Value);

/// <summary>
/// The text sent to the engine and its parameters; values never appear in <see cref="Sql"/>. <see cref="Rows"/> is a
/// viewer's scope for an engine that filters rows itself (Elasticsearch's query filter) instead of around the text.
/// </summary>
public sealed record BoundQuery(string Sql, IReadOnlyList<BoundParameter> Parameters, ScopedRows? Rows = null);

/// <summary>
/// Turns a checked statement and the parameter values into driver text: each <c>{{name}}</c> becomes a named
/// placeholder (a list of them for a multiple choice), and an optional clause <c>[[ … ]]</c> stays only when every
/// parameter in it has a value (as in Metabase: <c>WHERE 1 = 1 [[AND region = {{region}}]]</c>). Text between
/// tokens, comments included, is kept as written.
/// </summary>
public static class QueryBinder
{
    /// <param name="sql">The text that <see cref="SqlReadGuard.Check"/> accepted.</param>
    /// <param name="tokens">Its tokens, as the guard returned them.</param>
    /// <param name="values">Each parameter's value: a scalar, a list (multiple choice), or null / an empty list for none.</param>
    /// <param name="placeholder">How the engine writes a named placeholder, e.g. <c>n =&gt; "@" + n</c>.</param>
    public static BoundQuery Bind(string sql, IReadOnlyList<SqlToken> tokens, IReadOnlyDictionary<string, object?> values, Func<string, string> placeholder)
    {
        var text = new System.Text.StringBuilder(sql.Length + 32);
        var parameters = new List<BoundParameter>();
        var bound = new HashSet<string>(StringComparer.Ordinal);
        var position = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            text.Append(sql, position, token.Start - position);
            position = token.Start + token.Length;
            switch (token.Kind)
            {
                case SqlTokenKind.OptionalStart:
                    var end = FindEnd(tokens, i);
                    if (tokens.Skip(i + 1).Take(end - i - 1).Any(t => t.Kind == SqlTokenKind.Parameter && !HasValue(values, t.Value)))
                    {
                        // The whole clause goes, its markers included.
                        position = tokens[end].Start + tokens[end].Length;
                        i = end;
                    }

                    break;
                case SqlTokenKind.OptionalEnd:
                    break;
                case SqlTokenKind.Parameter:
                    text.Append(Placeholders(token.Value, Value(values, token.Value), placeholder, parameters, bound));
                    break;
                default:
                    text.Append(sql, token.Start, token.Length);
                    break;
            }
        }

        // What follows the last token (a closing semicolon, a comment) is left out: the text may be wrapped.
        return new BoundQuery(text.ToString(), parameters);
    }

    /// <summary>The driver's name for a report parameter: <c>p_</c> and the name with dots as underscores.</summary>
    public static string DriverName(string parameter) => "p_" + parameter.Replace('.', '_');

    public static bool HasValue(IReadOnlyDictionary<string, object?> values, string name) => Value(values, name) switch
    {
        null => false,
        string s => s.Length > 0,
        System.Collections.IEnumerable list => list.Cast<object?>().Any(),
        _ => true,
    };

    private static object? Value(IReadOnlyDictionary<string, object?> values, string name) =>
        values.TryGetValue(name, out var value) ? value : values.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static string Placeholders(string name, object? value, Func<string, string> placeholder, List<BoundParameter> parameters, HashSet<string> bound)
    {
        var driver = DriverName(name);
        if (value is System.Collections.IEnumerable list and not string)
        {
            var items = list.Cast<object?>().ToList();
            if (items.Count == 0)
            {
                // IN (NULL) matches nothing: an empty choice selects no rows rather than failing as SQL.
                items.Add(null);
            }

            var names = items.Select((_, index) => $"{driver}_{index}").ToList();
            for (var index = 0; index < items.Count; index++)
            {
                if (bound.Add(names[index]))
                {
                    parameters.Add(new BoundParameter(names[index], items[index]));
                }
            }

            return string.Join(", ", names.Select(placeholder));
        }

        if (bound.Add(driver))
        {
            parameters.Add(new BoundParameter(driver, value));
        }

        return placeholder(driver);
    }

    private static int FindEnd(IReadOnlyList<SqlToken> tokens, int start)
    {
        for (var j = start + 1; j < tokens.Count; j++)
        {
            if (tokens[j].Kind == SqlTokenKind.OptionalEnd)
            {
                return j;
            }
        }

        return tokens.Count - 1;
    }
}
