using Ops.Domain.Common;

namespace Ops.Infrastructure.Common;

/// <summary>
/// The columns of an exported sheet, declared once per export: a text key for the header and how to read the cell.
/// Time columns are written in the format's zone and say so in their header.
/// </summary>
internal sealed class SheetColumns<T>
{
    private readonly List<(string Key, Func<T, object?> Value, bool IsTime)> _columns = [];

    public SheetColumns<T> Add(string key, Func<T, object?> value)
    {
        _columns.Add((key, value, false));
        return this;
    }

    public SheetColumns<T> Time(string key, Func<T, DateTimeOffset?> value)
    {
        _columns.Add((key, r => value(r), true));
        return this;
    }

    /// <summary>The rows as header → cell, headers in the format's language, times in its zone.</summary>
    public IEnumerable<IReadOnlyDictionary<string, object?>> Rows(IEnumerable<T> rows, SheetFormat format)
    {
        var headers = _columns.Select(c => c.IsTime ? format.TimeHeader(c.Key) : format.Text(c.Key)).ToArray();
        return rows.Select(row =>
        {
            var cells = new Dictionary<string, object?>(_columns.Count);
            for (var i = 0; i < _columns.Count; i++)
            {
                var value = _columns[i].Value(row);
                cells[headers[i]] = _columns[i].IsTime ? format.Time((DateTimeOffset?)value) : value;
            }

            return (IReadOnlyDictionary<string, object?>)cells;
        });
    }
}
