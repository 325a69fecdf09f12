namespace Ops.Domain.Reports.Queries;

/// <summary>The SQL dialects whose quotes and comments the lexer knows.</summary>
public enum SqlDialect
{
    MySql,
    PostgreSql,
    Sqlite,
    ClickHouse,
    /// <summary>Elasticsearch SQL: standard quotes (doubled to escape), double-quoted and backquoted names, no backslash escapes.</summary>
    Elasticsearch,
}

public enum SqlTokenKind
{
    /// <summary>A keyword or an unquoted name.</summary>
    Word,
    QuotedName,
    Text,
    Number,
    /// <summary>A report parameter, <c>{{name}}</c>; <see cref="SqlToken.Value"/> is the name.</summary>
    Parameter,
    /// <summary><c>[[</c>: an optional clause starts (dropped when its parameters have no value).</summary>
    OptionalStart,
    /// <summary><c>]]</c>: the optional clause ends.</summary>
    OptionalEnd,
    Semicolon,
    Symbol,
}

/// <summary>A token: where it is in the text, and for words its upper-case text, for parameters their name.</summary>
public readonly record struct SqlToken(SqlTokenKind Kind, int Start, int Length, string Value);

/// <summary>Why a text could not be read as SQL.</summary>
public enum SqlLexError
{
    None,
    UnclosedText,
    UnclosedName,
    UnclosedComment,
    /// <summary>MySQL and MariaDB run the text of <c>/*! … */</c> and <c>/*M! … */</c>: it is code hidden as a comment.</summary>
    ExecutableComment,
    BadParameter,
}

/// <summary>
/// Splits SQL into tokens the way the engine reads it: strings (with the dialect's escapes and PostgreSQL's
/// dollar quoting), quoted names, line and block comments (nested on PostgreSQL), statement breaks. Comments
/// are dropped. The report query guard works on these tokens, never on the raw text, so that a keyword inside a
/// string or a statement hidden in a comment is seen for what the engine will make of it.
/// </summary>
public static class SqlLexer
{
    public static (IReadOnlyList<SqlToken> Tokens, SqlLexError Error) Tokenize(string sql, SqlDialect dialect)
    {
        var tokens = new List<SqlToken>();
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (IsLineComment(sql, i, dialect))
            {
                while (i < sql.Length && sql[i] != '\n' && sql[i] != '\r')
                {
                    i++;
                }

                continue;
            }

            if (c == '/' && At(sql, i + 1) == '*')
            {
                var comment = SkipBlockComment(sql, i, dialect);
                if (comment.Error != SqlLexError.None)
                {
                    return (tokens, comment.Error);
                }

                i = comment.End;
                continue;
            }

            if (c == '{' && At(sql, i + 1) == '{')
            {
                var end = sql.IndexOf("}}", i + 2, StringComparison.Ordinal);
                var name = end < 0 ? "" : sql[(i + 2)..end].Trim();
                if (end < 0 || !IsParameterName(name))
                {
                    return (tokens, SqlLexError.BadParameter);
                }

                tokens.Add(new SqlToken(SqlTokenKind.Parameter, start, end + 2 - start, name));
                i = end + 2;
                continue;
            }

            if ((c == '[' && At(sql, i + 1) == '[') || (c == ']' && At(sql, i + 1) == ']'))
            {
                tokens.Add(new SqlToken(c == '[' ? SqlTokenKind.OptionalStart : SqlTokenKind.OptionalEnd, start, 2, c == '[' ? "[[" : "]]"));
                i += 2;
                continue;
            }

            var quoted = ReadQuoted(sql, i, dialect);
            if (quoted.Kind is { } kind)
            {
                if (quoted.End < 0)
                {
                    return (tokens, kind == SqlTokenKind.Text ? SqlLexError.UnclosedText : SqlLexError.UnclosedName);
                }

                tokens.Add(new SqlToken(kind, start, quoted.End - start, sql[start..quoted.End]));
                i = quoted.End;
                continue;
            }

            if (IsWordStart(c))
            {
                while (i < sql.Length && IsWordPart(sql[i]))
                {
                    i++;
                }

                tokens.Add(new SqlToken(SqlTokenKind.Word, start, i - start, sql[start..i].ToUpperInvariant()));
                continue;
            }

            if (char.IsAsciiDigit(c))
            {
                while (i < sql.Length && (char.IsAsciiLetterOrDigit(sql[i]) || sql[i] == '.'))
                {
                    i++;
                }

                tokens.Add(new SqlToken(SqlTokenKind.Number, start, i - start, sql[start..i]));
                continue;
            }

            tokens.Add(new SqlToken(c == ';' ? SqlTokenKind.Semicolon : SqlTokenKind.Symbol, start, 1, c.ToString()));
            i++;
        }

        return (tokens, SqlLexError.None);
    }

    /// <summary>A name (<c>region</c>), or a date range's end (<c>period.from</c>, <c>period.to</c>).</summary>
    public static bool IsParameterName(string name)
    {
        var dot = name.IndexOf('.');
        var stem = dot < 0 ? name : name[..dot];
        return stem.Length is > 0 and <= 64 && (char.IsAsciiLetter(stem[0]) || stem[0] == '_') && stem.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_')
            && (dot < 0 || name[(dot + 1)..] is "from" or "to");
    }

    private static char At(string sql, int index) => index < sql.Length ? sql[index] : '\0';

    private static bool IsWordStart(char c) => char.IsLetter(c) || c == '_' || c == '@' || c == '$';

    private static bool IsWordPart(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '$' || c == '@';

    /// <summary>
    /// <c>--</c> opens a comment everywhere, except that MySQL and MariaDB want a space or control character after it
    /// (<c>1--1</c> is a subtraction there); <c>#</c> opens one on MySQL and ClickHouse.
    /// </summary>
    private static bool IsLineComment(string sql, int i, SqlDialect dialect)
    {
        if (sql[i] == '-' && At(sql, i + 1) == '-')
        {
            return dialect != SqlDialect.MySql || i + 2 >= sql.Length || char.IsWhiteSpace(sql[i + 2]) || char.IsControl(sql[i + 2]);
        }

        return sql[i] == '#' && dialect is SqlDialect.MySql or SqlDialect.ClickHouse;
    }

    private static (int End, SqlLexError Error) SkipBlockComment(string sql, int i, SqlDialect dialect)
    {
        if (dialect == SqlDialect.MySql && (At(sql, i + 2) == '!' || (At(sql, i + 2) is 'M' or 'm' && At(sql, i + 3) == '!')))
        {
            return (i, SqlLexError.ExecutableComment);
        }

        var depth = 0;
        while (i < sql.Length)
        {
            if (sql[i] == '/' && At(sql, i + 1) == '*' && (depth == 0 || dialect == SqlDialect.PostgreSql))
            {
                depth++;
                i += 2;
            }
            else if (sql[i] == '*' && At(sql, i + 1) == '/')
            {
                depth--;
                i += 2;
                if (depth == 0)
                {
                    return (i, SqlLexError.None);
                }
            }
            else
            {
                i++;
            }
        }

        return (i, SqlLexError.UnclosedComment);
    }

    /// <summary>A string or quoted name starting at <paramref name="i"/>: its kind and where it ends (-1: unclosed); no kind when none starts there.</summary>
    private static (SqlTokenKind? Kind, int End) ReadQuoted(string sql, int i, SqlDialect dialect)
    {
        var c = sql[i];
        var backslashes = dialect is SqlDialect.MySql or SqlDialect.ClickHouse;
        switch (c)
        {
            case '\'':
                return (SqlTokenKind.Text, CloseQuote(sql, i + 1, '\'', backslashes));
            case 'E' or 'e' when dialect == SqlDialect.PostgreSql && At(sql, i + 1) == '\'':
                return (SqlTokenKind.Text, CloseQuote(sql, i + 2, '\'', backslashes: true));
            case '"':
                // MySQL reads "…" as a string (unless ANSI_QUOTES); the others as a name.
                return (dialect == SqlDialect.MySql ? SqlTokenKind.Text : SqlTokenKind.QuotedName, CloseQuote(sql, i + 1, '"', backslashes));
            case '`' when dialect != SqlDialect.PostgreSql:
                return (SqlTokenKind.QuotedName, CloseQuote(sql, i + 1, '`', backslashes: false));
            case '[' when dialect == SqlDialect.Sqlite:
                var close = sql.IndexOf(']', i + 1);
                return (SqlTokenKind.QuotedName, close < 0 ? -1 : close + 1);
            case '$' when dialect == SqlDialect.PostgreSql:
                return DollarQuoted(sql, i);
            default:
                return (null, 0);
        }
    }

    private static int CloseQuote(string sql, int i, char quote, bool backslashes)
    {
        while (i < sql.Length)
        {
            if (backslashes && sql[i] == '\\')
            {
                i += 2;
                continue;
            }

            if (sql[i] == quote)
            {
                if (At(sql, i + 1) == quote)
                {
                    i += 2;
                    continue;
                }

                return i + 1;
            }

            i++;
        }

        return -1;
    }

    /// <summary>PostgreSQL's <c>$tag$ … $tag$</c>; a <c>$1</c> positional parameter is not one.</summary>
    private static (SqlTokenKind? Kind, int End) DollarQuoted(string sql, int i)
    {
        var j = i + 1;
        while (j < sql.Length && (char.IsLetterOrDigit(sql[j]) || sql[j] == '_'))
        {
            j++;
        }

        if (j >= sql.Length || sql[j] != '$' || (j > i + 1 && char.IsAsciiDigit(sql[i + 1])))
        {
            return (null, 0);
        }

        var tag = sql[i..(j + 1)];
        var close = sql.IndexOf(tag, j + 1, StringComparison.Ordinal);
        return (SqlTokenKind.Text, close < 0 ? -1 : close + tag.Length);
    }
}
