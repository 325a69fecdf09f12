using MongoDB.Bson;

namespace Ops.Portal.Tests.Support;

/// <summary>
/// The aggregation stages the MongoDB connector's tests use, with MongoDB's semantics: <c>$match</c> (equality, <c>$in</c>,
/// <c>$gt</c>/<c>$gte</c>/<c>$lt</c>/<c>$lte</c>/<c>$ne</c>, <c>$or</c>, <c>$and</c>, <c>$expr</c> of a constant),
/// <c>$group</c> by a field with <c>$sum</c>, <c>$project</c> by inclusion, <c>$sort</c>, <c>$skip</c>, <c>$limit</c>,
/// <c>$count</c>. Anything else is refused as MongoDB refuses an unknown stage.
/// </summary>
internal static class MongoPipelineEvaluator
{
    public static List<BsonDocument> Run(IEnumerable<BsonDocument> input, BsonArray pipeline)
    {
        var documents = input.Select(d => d.DeepClone().AsBsonDocument).ToList();
        foreach (var stage in pipeline.Select(s => s.AsBsonDocument.Elements.Single()))
        {
            documents = stage.Name switch
            {
                "$match" => [.. documents.Where(d => Matches(d, stage.Value.AsBsonDocument))],
                "$group" => Group(documents, stage.Value.AsBsonDocument),
                "$project" => [.. documents.Select(d => Project(d, stage.Value.AsBsonDocument))],
                "$sort" => Sort(documents, stage.Value.AsBsonDocument),
                "$skip" => [.. documents.Skip(stage.Value.ToInt32())],
                "$limit" => [.. documents.Take(stage.Value.ToInt32())],
                "$count" => documents.Count == 0 ? [] : [new BsonDocument(stage.Value.AsString, documents.Count)],
                _ => throw new NotSupportedException($"Unrecognized pipeline stage name: '{stage.Name}'"),
            };
        }

        return documents;
    }

    private static bool Matches(BsonDocument document, BsonDocument filter) => filter.All(element => element.Name switch
    {
        "$or" => element.Value.AsBsonArray.Any(f => Matches(document, f.AsBsonDocument)),
        "$and" => element.Value.AsBsonArray.All(f => Matches(document, f.AsBsonDocument)),
        "$expr" => element.Value.ToBoolean(),
        _ => Condition(document.GetValue(element.Name, BsonNull.Value), element.Value),
    });

    private static bool Condition(BsonValue value, BsonValue condition) =>
        condition is BsonDocument operators && operators.Names.All(n => n.StartsWith('$'))
            ? operators.All(o => o.Name switch
            {
                "$in" => o.Value.AsBsonArray.Any(v => value.Equals(v) || Compare(value, v) == 0),
                "$gt" => Compare(value, o.Value) > 0,
                "$gte" => Compare(value, o.Value) >= 0,
                "$lt" => Compare(value, o.Value) < 0,
                "$lte" => Compare(value, o.Value) <= 0,
                "$ne" => Compare(value, o.Value) != 0,
                "$eq" => Compare(value, o.Value) == 0,
                _ => throw new NotSupportedException($"unknown operator: {o.Name}"),
            })
            : Compare(value, condition) == 0;

    /// <summary>Numbers compare across types, as in MongoDB; values of different kinds never match.</summary>
    private static int Compare(BsonValue a, BsonValue b) =>
        a.IsNumeric && b.IsNumeric ? a.ToDouble().CompareTo(b.ToDouble())
        : a.BsonType == b.BsonType ? a.CompareTo(b)
        : int.MinValue;

    private static List<BsonDocument> Group(List<BsonDocument> documents, BsonDocument spec) =>
        [.. documents.GroupBy(d => Field(d, spec["_id"])).Select(g =>
        {
            var result = new BsonDocument("_id", g.Key);
            foreach (var accumulator in spec.Where(e => e.Name != "_id"))
            {
                var sum = accumulator.Value.AsBsonDocument["$sum"];
                result[accumulator.Name] = g.Sum(d => Field(d, sum).ToDouble());
            }

            return result;
        })];

    private static BsonValue Field(BsonDocument document, BsonValue expression) =>
        expression is BsonString { Value: ['$', .. var name] } ? document.GetValue(name, BsonNull.Value) : expression;

    private static BsonDocument Project(BsonDocument document, BsonDocument spec)
    {
        var result = new BsonDocument();
        if (spec.GetValue("_id", 1).ToInt32() != 0 && document.Contains("_id"))
        {
            result["_id"] = document["_id"];
        }

        foreach (var field in spec.Where(e => e.Name != "_id"))
        {
            result[field.Name] = field.Value.IsString ? Field(document, field.Value) : document.GetValue(field.Name, BsonNull.Value);
        }

        return result;
    }

    private static List<BsonDocument> Sort(List<BsonDocument> documents, BsonDocument spec)
    {
        IOrderedEnumerable<BsonDocument>? sorted = null;
        foreach (var key in spec)
        {
            Func<BsonDocument, BsonValue> by = d => d.GetValue(key.Name, BsonNull.Value);
            var descending = key.Value.ToInt32() < 0;
            sorted = sorted is null
                ? descending ? documents.OrderByDescending(by) : documents.OrderBy(by)
                : descending ? sorted.ThenByDescending(by) : sorted.ThenBy(by);
        }

        return [.. sorted ?? documents.AsEnumerable()];
    }
}
