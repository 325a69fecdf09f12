namespace Ops.Infrastructure.Persistence;

/// <summary>
/// The migration ids each provider's set had before the squash of 2026-12-07 (see <see cref="SquashedMigrations"/>), and
/// the one initial migration that replaced them. At the next squash, the ids of the then-current set are written here.
/// </summary>
internal static class SquashedMigrationIds
{
    public sealed record Squash(string Initial, IReadOnlyList<string> Replaced);

    public static readonly Squash Sqlite = new(
        "20261207095124_Initial",
        [
            "20261128103940_Initial",
            "20261128105842_IdentityAndAccess",
            "20261128113302_SettingsAndSso",
            "20261128114152_UserListIndexes",
            "20261128115631_UniqueSsoIds",
            "20261128120428_InAppNotifications",
            "20261128121246_MessageTemplates",
            "20261128121604_MessageOutbox",
            "20261128122817_Suppression",
            "20261128131402_InAppDeliveryKeyedByMessage",
            "20261128132654_SchedulerJobsAndDataSources",
            "20261128141214_JobFlows",
            "20261128142405_FlowNodeRunLogLink",
            "20261128153051_ApprovalDefinitions",
            "20261128174222_Approvals",
            "20261128181922_ApprovalRecordCount",
            "20261207030652_DataSourceAccess",
            "20261207054958_UserTimeZone",
            "20261207061249_IdempotencyKeys",
            "20261207072649_CrashSafety",
            "20261207085440_MessageLinkAndLevel",
        ]);

    public static readonly Squash MySql = new(
        "20261207095128_Initial",
        [
            "20261128103945_Initial",
            "20261128105848_IdentityAndAccess",
            "20261128113309_SettingsAndSso",
            "20261128114158_UserListIndexes",
            "20261128115639_UniqueSsoIds",
            "20261128120434_InAppNotifications",
            "20261128121332_MessageTemplates",
            "20261128121611_MessageOutbox",
            "20261128122826_Suppression",
            "20261128131413_InAppDeliveryKeyedByMessage",
            "20261128132716_SchedulerJobsAndDataSources",
            "20261128141225_JobFlows",
            "20261128142424_FlowNodeRunLogLink",
            "20261128153105_ApprovalDefinitions",
            "20261128174236_Approvals",
            "20261128181939_ApprovalRecordCount",
            "20261207030657_DataSourceAccess",
            "20261207055019_UserTimeZone",
            "20261207061310_IdempotencyKeys",
            "20261207072654_CrashSafety",
            "20261207085440_MessageLinkAndLevel",
        ]);
}
