using Ops.Domain.Auth;

namespace Ops.Domain.Reports.Queries;

/// <summary>
/// Rows by data scope: a report names the column holding a department id and/or the one holding a user id; a viewer
/// then sees the rows whose department is in their data scope or whose user is themselves (the user list's rule).
/// Applied around the query as bound parameters, never in the browser.
/// </summary>
public sealed record RowScope(string? DepartmentColumn, string? UserColumn)
{
    public const int ColumnMaxLength = 64;

    public bool IsSet => DepartmentColumn is not null || UserColumn is not null;

    /// <summary>A column name the wrapper can quote safely: letters, digits and underscores.</summary>
    public static bool IsColumnName(string? name) =>
        name is { Length: > 0 and <= ColumnMaxLength } && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');

    /// <summary>
    /// The query wrapped in <c>SELECT * FROM (…) ops_scope WHERE …</c> for the viewer's scope, or the query itself
    /// when the scope is everything or the report names no column. A viewer with no department and no user column
    /// match sees nothing.
    /// </summary>
    public BoundQuery Apply(BoundQuery query, DataScopeFilter scope, Func<string, string> quote, Func<string, string> placeholder)
    {
        if (!IsSet || scope.All)
        {
            return query;
        }

        var parameters = query.Parameters.ToList();
        var conditions = new List<string>();
        if (DepartmentColumn is { } department && scope.DepartmentIds.Count > 0)
        {
            var names = scope.DepartmentIds.Order().Select((id, i) => (Name: $"scope_d{i}", Id: id)).ToList();
            parameters.AddRange(names.Select(n => new BoundParameter(n.Name, n.Id)));
            conditions.Add($"ops_scope.{quote(department)} IN ({string.Join(", ", names.Select(n => placeholder(n.Name)))})");
        }

        if (UserColumn is { } user)
        {
            parameters.Add(new BoundParameter("scope_u", scope.UserId));
            conditions.Add($"ops_scope.{quote(user)} = {placeholder("scope_u")}");
        }

        var where = conditions.Count == 0 ? "1 = 0" : string.Join(" OR ", conditions);
        return new BoundQuery($"SELECT * FROM (\n{query.Sql}\n) ops_scope WHERE {where}", parameters);
    }
}

/// <summary>A report's scope columns with the viewer's data scope, for an engine that filters rows itself.</summary>
public sealed record ScopedRows(RowScope Scope, DataScopeFilter Filter);
