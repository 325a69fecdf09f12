using Ops.Domain.Common;

namespace Ops.Domain.Notifications;

/// <summary>The channels a message can go through (seed t_message_template.channel).</summary>
public enum MessageChannel
{
    Email,
    Sms,
    DingTalk,
    Feishu,
    WeCom,
    Webhook,
    InApp,
}

/// <summary>A declared template variable with what it means and an example for the preview.</summary>
public sealed record TemplateParameter(string Name, string? Description, string? Sample);

/// <summary>
/// A message template (seed t_message_template): Chinese text, optionally an English variant;
/// the recipient's language picks one.
/// </summary>
public sealed class MessageTemplate : AuditableEntity, IChangeTracked, IVersioned, ISoftDeletable
{
    public const int CodeMaxLength = 64;
    public const int NameMaxLength = 128;
    public const int SubjectMaxLength = 200;
    public const int ContentMaxLength = 8000;

    private MessageTemplate()
    {
    }

    public MessageTemplate(string code) => Code = code;

    public string Code { get; private set; } = "";

    public string Name { get; set; } = "";

    public MessageChannel Channel { get; set; }

    public string? Subject { get; set; }

    public string Content { get; set; } = "";

    public string? SubjectEn { get; set; }

    public string? ContentEn { get; set; }

    /// <summary>The declared parameters, stored as JSON.</summary>
    public string Parameters { get; set; } = "[]";

    public bool Enabled { get; set; } = true;

    public int Version { get; private set; }

    public bool IsDeleted { get; private set; }

    public DateTimeOffset? DeletedAt { get; private set; }

    public static TemplateEscaping EscapingFor(MessageChannel channel) => channel switch
    {
        MessageChannel.Email => TemplateEscaping.Html,
        MessageChannel.Webhook => TemplateEscaping.Json,
        MessageChannel.DingTalk or MessageChannel.Feishu or MessageChannel.WeCom => TemplateEscaping.Markdown,
        _ => TemplateEscaping.None,
    };
}
