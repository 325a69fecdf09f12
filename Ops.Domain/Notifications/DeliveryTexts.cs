using Ops.Domain.Common;

namespace Ops.Domain.Notifications;

/// <summary>Why a message or callback was not delivered, as stored codes put into words when shown.</summary>
public static class DeliveryTexts
{
    public static readonly string InAppNeedsUser = StoredText.Of("message.error.inapp_no_user").Encode();

    public static readonly string EmailNotConfigured = StoredText.Of("message.error.email_not_configured").Encode();

    public static readonly string WebhookNotConfigured = StoredText.Of("message.error.webhook_not_configured").Encode();

    public static readonly string SmsNotConfigured = StoredText.Of("message.error.sms_not_configured").Encode();

    public static readonly string OptedOut = StoredText.Of("message.blocked.opted_out").Encode();

    public static readonly string NoCallbackSecret = StoredText.Of("approval.callbacks.error.no_secret").Encode();

    public static string UserInactive(long userId) => StoredText.Of("message.error.user_inactive", userId).Encode();

    public static string NotAnEmail(string address) => StoredText.Of("message.error.not_an_email", address).Encode();

    public static string NoSender(MessageChannel channel) => StoredText.Of("message.error.no_sender", channel).Encode();

    public static string RobotNotConfigured(MessageChannel channel) => StoredText.Of("message.error.robot_not_configured", channel).Encode();

    public static string Blacklisted(string? reason) => StoredText.Of("message.blocked.blacklist", reason ?? "").Encode();

    public static string NoHook(string target) => StoredText.Of("approval.callbacks.error.no_hook", target).Encode();
}
