using Ops.Domain.Common;

namespace Ops.Domain.Auth;

/// <summary>The checks of a <see cref="UserInput"/> that need no database: formats and lengths.</summary>
public static class UserInputRules
{
    public const int UserNameMaxLength = 64;
    public const int RealNameMaxLength = 64;
    public const int EmailMaxLength = 256;
    public const int PhoneMaxLength = 32;
    public const int SsoIdMaxLength = 128;

    public static Result Validate(UserInput input)
    {
        var userName = TextRules.Code(input.UserName, UserNameMaxLength, "field.user_name");
        if (userName.IsFailure)
        {
            return userName.Error!;
        }

        var realName = TextRules.Optional(input.RealName, RealNameMaxLength, "field.real_name");
        if (realName.IsFailure)
        {
            return realName.Error!;
        }

        if (Blank(input.Email) is { } email && !TextRules.IsEmail(email))
        {
            return Error.Invalid("auth.profile.email_invalid").On("profile.email");
        }

        if (Blank(input.PhoneNumber) is { } phone && !TextRules.IsPhone(phone))
        {
            return Error.Invalid("auth.profile.phone_invalid").On("profile.phone");
        }

        foreach (var (value, field) in new[] { (input.WeComId, "field.wecom_id"), (input.DingTalkId, "field.dingtalk_id"), (input.FeishuId, "field.feishu_id") })
        {
            if (TextRules.Optional(value, SsoIdMaxLength, field) is { IsFailure: true } tooLong)
            {
                return tooLong.Error!;
            }
        }

        return input.DataScope == DataScope.Custom && input.CustomDepartmentIds.Count == 0
            ? Error.Invalid("auth.data_scope.custom_empty")
            : Result.Success();
    }

    /// <summary>An optional text as stored: trimmed, or null when blank.</summary>
    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Whether the input changes the user's single sign-on ids (only superusers may).</summary>
    public static bool ChangesSsoIds(UserInput input, string? weComId, string? dingTalkId, string? feishuId) =>
        Blank(input.WeComId) != weComId || Blank(input.DingTalkId) != dingTalkId || Blank(input.FeishuId) != feishuId;
}
