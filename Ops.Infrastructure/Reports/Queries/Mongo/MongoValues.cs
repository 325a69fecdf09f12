using System.Globalization;
using MongoDB.Bson;
using MongoDB.Bson.IO;
using Ops.Domain.Reports.Queries;

namespace Ops.Infrastructure.Reports.Queries.Mongo;

/// <summary>Report values as BSON (parameters) and BSON as report values (rows).</summary>
internal static class MongoValues
{
    public static BsonValue ToBson(object? value) => value switch
    {
        null => BsonNull.Value,
        string s => new BsonString(s),
        bool b => b ? BsonBoolean.True : BsonBoolean.False,
        long l => new BsonInt64(l),
        int i => new BsonInt64(i),
        // A whole number compares with int and long fields; a fraction as a double compares with doubles and decimals.
        decimal m when m == decimal.Truncate(m) && m is >= long.MinValue and <= long.MaxValue => new BsonInt64((long)m),
        decimal m => new BsonDouble((double)m),
        double d => new BsonDouble(d),
        DateTime d => new BsonDateTime(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
        DateTimeOffset d => new BsonDateTime(d.UtcDateTime),
        System.Collections.IEnumerable list => new BsonArray(list.Cast<object?>().Select(ToBson)),
        _ => new BsonString(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    public static string Text(object? value) => value switch
    {
        null => "",
        DateTime d => d.ToString(d.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        System.Collections.IEnumerable list and not string => string.Join(",", list.Cast<object?>().Select(Text)),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    public static object? FromBson(BsonValue value) => value.BsonType switch
    {
        BsonType.Null or BsonType.Undefined => null,
        BsonType.String => value.AsString,
        BsonType.Boolean => value.AsBoolean,
        BsonType.Int32 => (long)value.AsInt32,
        BsonType.Int64 => value.AsInt64,
        BsonType.Double => value.AsDouble,
        BsonType.Decimal128 => Decimal128.ToDecimal(value.AsDecimal128),
        BsonType.DateTime => value.ToUniversalTime(),
        BsonType.ObjectId => value.AsObjectId.ToString(),
        BsonType.Timestamp => value.AsBsonTimestamp.Value,
        BsonType.Binary => string.Create(CultureInfo.InvariantCulture, $"({value.AsBsonBinaryData.Bytes.Length} bytes)"),
        // A sub-document or a list: its JSON.
        _ => value.ToJson(new JsonWriterSettings { OutputMode = JsonOutputMode.RelaxedExtendedJson }),
    };

    public static QueryColumnKind Kind(object? value) => value switch
    {
        bool => QueryColumnKind.Boolean,
        long or double or decimal => QueryColumnKind.Number,
        DateTime => QueryColumnKind.DateTime,
        _ => QueryColumnKind.Text,
    };
}
