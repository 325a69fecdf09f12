using Ops.Domain.Common;

namespace Ops.Infrastructure.Common;

/// <summary>
/// The columns of an exported sheet, declared once per export: a text key for the header and how to read the cell.
/// Time columns are written in the format's zone and say so in their header.
/// </summary>
internal sealed class SheetColumns<T>
{
    private enum Kind
    {
        Value,
        Time,
        Word,
    }

    private readonly List<(string Key, Func<T, object?> Value, Kind Kind)> _columns = [];

    public SheetColumns<T> Add(string key, Func<T, object?> value) => With(key, value, Kind.Value);

    public SheetColumns<T> Time(string key, Func<T, DateTimeOffset?> value) => With(key, r => value(r), Kind.Time);

    /// <summary>A column whose cells are text keys (a status, a channel), written in the format's language.</summary>
    public SheetColumns<T> Word(string key, Func<T, string> textKey) => With(key, textKey, Kind.Word);

    /// <summary>The rows as header → cell, headers in the format's language, times in its zone.</summary>
    public IEnumerable<IReadOnlyDictionary<string, object?>> Rows(IEnumerable<T> rows, SheetFormat format)
    {
        // Texts resolved once per export, not once per row: each lookup switches the culture and reads the resources.
        var headers = _columns.Select(c => c.Kind == Kind.Time ? format.TimeHeader(c.Key) : format.Text(c.Key)).ToArray();
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        string Word(string key)
        {
            if (!words.TryGetValue(key, out var text))
            {
                text = format.Text(key);
                words[key] = text;
            }

            return text;
        }

        return rows.Select(row =>
        {
            var cells = new Dictionary<string, object?>(_columns.Count);
            for (var i = 0; i < _columns.Count; i++)
            {
                var value = _columns[i].Value(row);
                cells[headers[i]] = _columns[i].Kind switch
                {
                    Kind.Time => format.Time((DateTimeOffset?)value),
                    Kind.Word => Word((string)value!),
                    _ => value,
                };
            }

            return (IReadOnlyDictionary<string, object?>)cells;
        });
    }

    private SheetColumns<T> With(string key, Func<T, object?> value, Kind kind)
    {
        _columns.Add((key, value, kind));
        return this;
    }
}
