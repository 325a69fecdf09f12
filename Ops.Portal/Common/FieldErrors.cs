namespace Ops.Portal.Common;

/// <summary>
/// The errors a form shows after a save was refused: each on its field (keyed by the resource key of the field's label,
/// as <see cref="Ops.Domain.Common.Error.Field"/> names it), the rest in the form's summary. Fields read
/// <c>Error="@Errors.Has("job.timeout")" ErrorText="@Errors["job.timeout"]"</c>.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, string> _byField = new(StringComparer.Ordinal);
    private readonly List<string> _general = [];

    public bool Any => _byField.Count > 0 || _general.Count > 0;

    public string? this[string field] => _byField.GetValueOrDefault(field);

    public bool Has(string field) => _byField.ContainsKey(field);

    /// <summary>The messages about <paramref name="field"/> and its parts (<c>form:items</c> takes <c>form:items[2].price</c>).</summary>
    public IEnumerable<string> Within(string field) => _byField
        .Where(p => p.Key == field || p.Key.StartsWith(field + "[", StringComparison.Ordinal))
        .Select(p => p.Value);

    /// <summary>Every message, field errors first, for the summary.</summary>
    public IEnumerable<string> All => _byField.Values.Concat(_general);

    public void Add(string? field, string message)
    {
        if (field is null)
        {
            _general.Add(message);
        }
        else
        {
            _byField[field] = message;
        }
    }

    /// <summary>Clears the error of one field once it is edited.</summary>
    public void Clear(string field) => _byField.Remove(field);

    public void Clear()
    {
        _byField.Clear();
        _general.Clear();
    }
}
