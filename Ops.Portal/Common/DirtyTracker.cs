using System.Text.Json;

namespace Ops.Portal.Common;

/// <summary>
/// Whether an editor's model changed since it was loaded or saved: compares a JSON snapshot, so any field of the model
/// counts without each editor listing its fields. For the <c>UnsavedChangesGuard</c>.
/// </summary>
public sealed class DirtyTracker
{
    private static readonly JsonSerializerOptions Options = new() { IncludeFields = false };
    private string? _snapshot;

    /// <summary>Remembers the model as saved (after loading, and again after a save).</summary>
    public void Accept(object? model) => _snapshot = Serialize(model);

    public bool IsDirty(object? model) => _snapshot is not null && _snapshot != Serialize(model);

    private static string Serialize(object? model) => model is null ? "" : JsonSerializer.Serialize(model, model.GetType(), Options);
}
