using Ops.Domain.Common;

namespace Ops.Domain.Approvals;

/// <summary>
/// A file attached to an application (an attachment field) or to a comment. Stored in the database, so every
/// node of a cluster serves it; addressed by a random key, and given out only to the uploader and to those who
/// may see an application its uploader took part in that refers to it.
/// </summary>
public sealed class ApprovalFile : Entity
{
    public const int NameMaxLength = 200;
    public const int ContentTypeMaxLength = 100;
    /// <summary>10 MB: with the row around it, still under MariaDB's default 16 MB packet.</summary>
    public const long MaxSize = 10L * 1024 * 1024;

    private ApprovalFile()
    {
    }

    public string Key { get; private set; } = "";

    public string FileName { get; private set; } = "";

    public string ContentType { get; private set; } = "";

    public long Size { get; private set; }

    public byte[] Content { get; private set; } = [];

    public long UploadedBy { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }

    public static Result<ApprovalFile> Create(string fileName, string? contentType, byte[] content, long uploadedBy, DateTimeOffset now)
    {
        var name = Path.GetFileName(fileName ?? "").Trim();
        if (name.Length == 0 || name.Length > NameMaxLength || name.Any(char.IsControl))
        {
            return Error.Invalid(ApprovalErrors.FileName, NameMaxLength);
        }

        if (content.LongLength == 0 || content.LongLength > MaxSize)
        {
            return Error.Invalid(ApprovalErrors.FileSize, MaxSize / 1024 / 1024);
        }

        var type = string.IsNullOrWhiteSpace(contentType) || contentType.Length > ContentTypeMaxLength ? "application/octet-stream" : contentType.Trim();
        return new ApprovalFile
        {
            Key = Guid.NewGuid().ToString("N"),
            FileName = name,
            ContentType = type,
            Size = content.LongLength,
            Content = content,
            UploadedBy = uploadedBy,
            UploadedAt = now,
        };
    }
}

/// <summary>An application refers to a stored file (an attachment field or a comment): the index the file service reads access from.</summary>
public sealed class ApprovalFileReference : Entity
{
    private ApprovalFileReference()
    {
    }

    public ApprovalFileReference(ApprovalInstance instance, string fileKey)
    {
        Instance = instance;
        InstanceId = instance.Id;
        FileKey = fileKey;
    }

    public long InstanceId { get; private set; }

    public ApprovalInstance? Instance { get; private set; }

    public string FileKey { get; private set; } = "";

    /// <summary>The stored-file keys an application mentions: ids in its attachment fields (tables included) and comment files.</summary>
    public static IReadOnlySet<string> KeysOf(ApprovalInstance instance)
    {
        var keys = new HashSet<string>(instance.Records.SelectMany(r => r.Attachments), StringComparer.Ordinal);
        foreach (var value in instance.FormData.Values)
        {
            Collect(value, keys);
        }

        return keys;
    }

    private static void Collect(System.Text.Json.JsonElement value, HashSet<string> keys)
    {
        switch (value.ValueKind)
        {
            case System.Text.Json.JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    Collect(item, keys);
                }

                break;
            case System.Text.Json.JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    if (property.NameEquals("id") && property.Value.ValueKind == System.Text.Json.JsonValueKind.String && property.Value.GetString() is { Length: 32 } key)
                    {
                        keys.Add(key);
                    }
                    else
                    {
                        Collect(property.Value, keys);
                    }
                }

                break;
        }
    }
}
