using Ops.Domain.Common;

namespace Ops.Domain.Config;

/// <summary>
/// One system setting (seed t_system_config): a key, a JSON value and its category. The config
/// center edits these; modules read them through the settings store.
/// </summary>
public sealed class SystemSetting : AuditableEntity, IChangeTracked, IVersioned
{
    public const int KeyMaxLength = 128;

    private SystemSetting()
    {
    }

    public SystemSetting(string key, string category, string value, bool isEncrypted = false)
    {
        Key = key;
        Category = category;
        Value = value;
        IsEncrypted = isEncrypted;
    }

    public string Key { get; private set; } = "";

    /// <summary>system / security / email / sms / storage / other.</summary>
    public string Category { get; private set; } = "";

    /// <summary>JSON; protected with Data Protection when <see cref="IsEncrypted"/>.</summary>
    public string Value { get; private set; } = "";

    public bool IsEncrypted { get; private set; }

    public bool IsReadonly { get; private set; }

    public int Version { get; private set; }

    public void Change(string value) => Value = value;
}
