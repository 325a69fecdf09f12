using MongoDB.Bson;
using Ops.Domain.Common;
using Ops.Domain.Reports.Queries;

namespace Ops.Infrastructure.Reports.Queries.Mongo;

/// <summary>
/// MongoDB's shape: the pipeline checked (<see cref="MongoPipeline"/>), the viewer's typed values as parameters of the bound
/// query (bound into BSON by the engine, never into the text), and scope, pages and counts as stages appended to it.
/// </summary>
internal sealed class MongoQueryShape : IQueryShape
{
    public const string CountField = "ops_total";
    private const string ScopeDepartments = "ops_scope_d";
    private const string ScopeUser = "ops_scope_u";

    public Result<IReadOnlyList<string>> Check(string query)
    {
        var pipeline = MongoPipeline.Parse(query);
        return pipeline.IsFailure ? pipeline.Error! : Result<IReadOnlyList<string>>.Success(pipeline.Value.ParameterNames());
    }

    public Result<BoundQuery> Bind(QueryRun run)
    {
        var pipeline = MongoPipeline.Parse(run.Query);
        if (pipeline.IsFailure)
        {
            return pipeline.Error!;
        }

        if (this.CheckDeclared(run.Query, run.Parameters) is { IsFailure: true } undeclared)
        {
            return undeclared.Error!;
        }

        var values = ReportParameterValues.Parse(run.Parameters, run.Values, run.Viewer);
        if (values.IsFailure)
        {
            return values.Error!;
        }

        var parameters = values.Value.Select(v => new BoundParameter(v.Key, v.Value)).ToList();
        var shaped = pipeline.Value;
        if (run.Scope is { IsSet: true } scope && !run.DataScope.All)
        {
            if (!RowScope.IsColumnName(scope.DepartmentColumn ?? "x") || !RowScope.IsColumnName(scope.UserColumn ?? "x"))
            {
                return Error.Invalid("report.scope.column_invalid").On("report.scope_column");
            }

            // The result's rows in the viewer's departments or their own; with neither column matching, none.
            var either = new BsonArray();
            if (scope.DepartmentColumn is { } department && run.DataScope.DepartmentIds.Count > 0)
            {
                either.Add(new BsonDocument(department, new BsonDocument("$in", MongoPipeline.Placeholder(ScopeDepartments))));
                parameters.Add(new BoundParameter(ScopeDepartments, run.DataScope.DepartmentIds.Order().ToList()));
            }

            if (scope.UserColumn is { } user)
            {
                either.Add(new BsonDocument(user, MongoPipeline.Placeholder(ScopeUser)));
                parameters.Add(new BoundParameter(ScopeUser, run.DataScope.UserId));
            }

            shaped = shaped.Append(new BsonDocument("$match", either.Count == 0 ? new BsonDocument("$expr", false) : new BsonDocument("$or", either)));
        }

        return new BoundQuery(shaped.ToJson(), parameters);
    }

    public BoundQuery Sorted(BoundQuery query, QueryPage page) => Append(query,
        new BsonDocument("$sort", new BsonDocument(page.Sort!, page.Descending ? -1 : 1)),
        new BsonDocument("$skip", page.Offset),
        new BsonDocument("$limit", page.Size + 1));

    public BoundQuery Count(BoundQuery query) => Append(query, new BsonDocument("$count", CountField));

    public BoundQuery Totals(BoundQuery query, IReadOnlyList<string> columns)
    {
        var group = new BsonDocument("_id", BsonNull.Value);
        foreach (var column in columns)
        {
            // A field path: a name starting with $ or holding a dot would be read as an operator or a sub-field.
            group[column] = new BsonDocument("$sum", "$" + column);
        }

        return Append(query, new BsonDocument("$group", group));
    }

    private static BoundQuery Append(BoundQuery query, params BsonDocument[] stages) =>
        query with { Sql = MongoPipeline.Parse(query.Sql).Value.Append(stages).ToJson() };
}
