using Ops.Domain.Common;

namespace Ops.Domain.Reports.Queries;

/// <summary>
/// The statement check of report queries: exactly one statement, a read (<c>SELECT</c>, <c>WITH … SELECT</c>,
/// <c>VALUES</c>, or a parenthesised select), and none of the words and functions that write, lock, change the
/// session or reach files, programs or other servers. It reads tokens (<see cref="SqlLexer"/>), so quotes,
/// comments and statement breaks are seen as the engine sees them. This is defence in depth: the engine's
/// read-only transaction and a read-only account are the real guard.
/// </summary>
public static class SqlReadGuard
{
    public const int MaxLength = 100_000;

    private static readonly HashSet<string> Leading = ["SELECT", "WITH", "VALUES", "TABLE"];

    /// <summary>Words that are never part of a read, wherever they stand (unless used as a function name: MySQL has INSERT() and REPLACE()).</summary>
    private static readonly HashSet<string> Refused =
    [
        "INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT", "TRUNCATE", "DROP", "ALTER", "CREATE", "RENAME", "GRANT", "REVOKE",
        "INTO", "OUTFILE", "DUMPFILE", "COPY", "ATTACH", "DETACH", "PRAGMA", "VACUUM", "REINDEX", "ANALYZE", "OPTIMIZE",
        "CALL", "EXEC", "EXECUTE", "PREPARE", "DEALLOCATE", "HANDLER", "LOCK", "UNLOCK", "KILL", "SHUTDOWN", "LISTEN", "NOTIFY",
        "SET", "RESET", "INSTALL", "UNINSTALL", "SETTINGS",
    ];

    /// <summary>Functions that read or write files, run programs, reach other servers, sleep the server's time away in locks, or change settings.</summary>
    private static readonly HashSet<string> RefusedFunctions =
    [
        // MySQL / MariaDB
        "LOAD_FILE", "GET_LOCK", "RELEASE_LOCK", "RELEASE_ALL_LOCKS", "SYS_EXEC", "SYS_EVAL",
        // PostgreSQL
        "PG_READ_FILE", "PG_READ_BINARY_FILE", "PG_LS_DIR", "PG_STAT_FILE", "LO_IMPORT", "LO_EXPORT", "LO_GET", "LO_PUT",
        "LO_FROM_BYTEA", "SET_CONFIG", "PG_TERMINATE_BACKEND", "PG_CANCEL_BACKEND", "PG_RELOAD_CONF", "PG_ROTATE_LOGFILE",
        "PG_ADVISORY_LOCK", "PG_ADVISORY_XACT_LOCK", "PG_ADVISORY_LOCK_SHARED", "DBLINK", "DBLINK_EXEC", "DBLINK_CONNECT",
        "QUERY_TO_XML", "QUERY_TO_XML_AND_XMLSCHEMA", "CURSOR_TO_XML", "PG_LOGICAL_EMIT_MESSAGE", "PG_SWITCH_WAL",
        "PG_CREATE_RESTORE_POINT", "TXID_CURRENT", "NEXTVAL", "SETVAL",
        // SQLite
        "LOAD_EXTENSION", "READFILE", "WRITEFILE", "EDIT", "FTS3_TOKENIZER",
        // ClickHouse table functions that reach files, programs and other servers
        "FILE", "URL", "REMOTE", "REMOTESECURE", "CLUSTER", "CLUSTERALLREPLICAS", "MYSQL", "POSTGRESQL", "JDBC", "ODBC",
        "HDFS", "S3", "S3CLUSTER", "EXECUTABLE", "INPUT", "MONGODB", "REDIS", "SQLITE", "AZUREBLOBSTORAGE", "DICTGET",
    ];

    /// <summary>The one statement of <paramref name="sql"/> if it is a plain read; otherwise why not (<c>report.query.*</c> codes).</summary>
    public static Result<IReadOnlyList<SqlToken>> Check(string sql, SqlDialect dialect)
    {
        if (string.IsNullOrWhiteSpace(sql))
        {
            return Error.Invalid("report.query.empty").On("report.query");
        }

        if (sql.Length > MaxLength)
        {
            return Error.Invalid("report.query.too_long", MaxLength).On("report.query");
        }

        var (tokens, lexError) = SqlLexer.Tokenize(sql, dialect);
        if (lexError != SqlLexError.None)
        {
            return Error.Invalid("report.query.unreadable_" + lexError.ToString().ToLowerInvariant()).On("report.query");
        }

        // One statement: a single trailing semicolon is allowed, nothing after it.
        var statement = tokens.ToList();
        while (statement.Count > 0 && statement[^1].Kind == SqlTokenKind.Semicolon)
        {
            statement.RemoveAt(statement.Count - 1);
        }

        if (statement.Count == 0)
        {
            return Error.Invalid("report.query.empty").On("report.query");
        }

        if (statement.Any(t => t.Kind == SqlTokenKind.Semicolon))
        {
            return Error.Invalid("report.query.several_statements").On("report.query");
        }

        var first = statement.FirstOrDefault(t => !(t.Kind == SqlTokenKind.Symbol && t.Value == "(") && t.Kind != SqlTokenKind.OptionalStart);
        if (first.Kind != SqlTokenKind.Word || !Leading.Contains(first.Value))
        {
            return Error.Invalid("report.query.not_a_read").On("report.query");
        }

        for (var i = 0; i < statement.Count; i++)
        {
            var token = statement[i];
            if (token.Kind != SqlTokenKind.Word)
            {
                continue;
            }

            var call = i + 1 < statement.Count && statement[i + 1] is { Kind: SqlTokenKind.Symbol, Value: "(" };
            // A qualified name (schema.table, t.update) is a name, not a keyword.
            var qualified = i > 0 && statement[i - 1] is { Kind: SqlTokenKind.Symbol, Value: "." };
            // CAST(x AS CHAR CHARACTER SET utf8mb4) is a read.
            var charset = token.Value == "SET" && i > 0 && statement[i - 1] is { Kind: SqlTokenKind.Word, Value: "CHARACTER" };
            if (qualified || charset)
            {
                continue;
            }

            if (call ? RefusedFunctions.Contains(token.Value) : Refused.Contains(token.Value))
            {
                return Error.Invalid("report.query.refused_word", Word(sql, token)).On("report.query");
            }

            if (token.Value == "FOR" && i + 1 < statement.Count && statement[i + 1] is { Kind: SqlTokenKind.Word, Value: "UPDATE" or "SHARE" or "NO" or "KEY" })
            {
                return Error.Invalid("report.query.refused_word", Word(sql, token)).On("report.query");
            }
        }

        if (Unbalanced(statement))
        {
            return Error.Invalid("report.query.unbalanced_optional").On("report.query");
        }

        return statement;
    }

    /// <summary>The names of the parameters the statement uses, in order of first use.</summary>
    public static IReadOnlyList<string> ParameterNames(IEnumerable<SqlToken> tokens) =>
        tokens.Where(t => t.Kind == SqlTokenKind.Parameter).Select(t => t.Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private static string Word(string sql, SqlToken token) => sql.Substring(token.Start, token.Length);

    private static bool Unbalanced(IEnumerable<SqlToken> tokens)
    {
        var depth = 0;
        foreach (var token in tokens)
        {
            depth += token.Kind switch { SqlTokenKind.OptionalStart => 1, SqlTokenKind.OptionalEnd => -1, _ => 0 };
            if (depth is < 0 or > 1)
            {
                return true;
            }
        }

        return depth != 0;
    }
}
