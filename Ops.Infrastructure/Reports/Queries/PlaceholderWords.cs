using System.Text;
using Ops.Domain.Reports.Queries;

namespace Ops.Infrastructure.Reports.Queries;

/// <summary>
/// Placeholders for engines whose parameters are not named in the text: the bound query carries a word per parameter
/// (<c>ops_param_p_region</c>) and <see cref="Replace"/> rewrites each such token, and only tokens (never the same
/// letters inside a string or a comment), in text order: Elasticsearch into <c>?</c> with the value appended to its
/// parameter list, ClickHouse into an escaped literal.
/// </summary>
internal static class PlaceholderWords
{
    public const string Prefix = "ops_param_";

    public static string Placeholder(string name) => Prefix + name;

    public static string Replace(BoundQuery query, SqlDialect dialect, Func<BoundParameter, string> write)
    {
        var parameters = query.Parameters.ToDictionary(p => Placeholder(p.Name), StringComparer.Ordinal);
        if (parameters.Count == 0)
        {
            return query.Sql;
        }

        var (tokens, error) = SqlLexer.Tokenize(query.Sql, dialect);
        if (error != SqlLexError.None)
        {
            throw new InvalidOperationException($"The bound query does not lex ({error})");
        }

        var text = new StringBuilder(query.Sql.Length + 64);
        var position = 0;
        foreach (var token in tokens)
        {
            if (token.Kind != SqlTokenKind.Word || !parameters.TryGetValue(query.Sql.Substring(token.Start, token.Length), out var parameter))
            {
                continue;
            }

            text.Append(query.Sql, position, token.Start - position).Append(write(parameter));
            position = token.Start + token.Length;
        }

        return text.Append(query.Sql, position, query.Sql.Length - position).ToString();
    }
}
