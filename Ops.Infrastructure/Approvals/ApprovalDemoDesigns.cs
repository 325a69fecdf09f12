using System.Text.Json;
using Ops.Domain.Approvals;

namespace Ops.Infrastructure.Approvals;

/// <summary>The demo approval types: drawn like an administrator would, and valid for publishing.</summary>
internal static class ApprovalDemoDesigns
{
    public static ApprovalForm LeaveForm { get; } = new(
    [
        new FormField("type", "请假类型", FieldType.Select, Required: true, Order: 1,
            Options: [new FieldOption("annual", "年假"), new FieldOption("sick", "病假"), new FieldOption("personal", "事假")]),
        new FormField("period", "请假时间", FieldType.DateRange, Required: true, Order: 2),
        new FormField("days", "天数", FieldType.Number, Required: true, Order: 3, Validation: new FieldValidation(Min: 0.5m, Max: 60)),
        new FormField("reason", "事由", FieldType.TextArea, Required: true, Order: 4, Validation: new FieldValidation(MaxLength: 500)),
    ]);

    public static ApprovalForm PurchaseForm { get; } = new(
    [
        new FormField("amount", "金额", FieldType.Amount, Required: true, Order: 1, Validation: new FieldValidation(Min: 0.01m)),
        new FormField("items", "采购明细", FieldType.Table, Required: true, Order: 2, Columns:
        [
            new FormField("name", "物品", FieldType.Text, Required: true),
            new FormField("quantity", "数量", FieldType.Number, Required: true, Validation: new FieldValidation(Min: 1)),
        ]),
        new FormField("reason", "用途", FieldType.TextArea, Required: true, Order: 3),
        new FormField("files", "报价单", FieldType.Attachment, Order: 4),
    ]);

    /// <summary>Leader approves; more than three days also needs HR's leader; HR gets a copy.</summary>
    public static ApprovalProcess Leave(long hrDepartment) => new(
        [
            new StartNode("start", "发起"),
            new ApprovalNode("leader", "直属领导", ApprovalMode.Single, [AssigneeRule.ApplicantLeader()], DueHours: 24, OnTimeout: TimeoutAction.Remind),
            new ConditionNode("long", "超过 3 天？"),
            new ApprovalNode("hr", "人事审批", ApprovalMode.Single, [AssigneeRule.DepartmentLeader(hrDepartment)], DueHours: 48),
            new CcNode("cc", "抄送人事", [AssigneeRule.DepartmentLeader(hrDepartment)]),
            new EndNode("end", "结束"),
        ],
        [
            new ProcessEdge("start", "leader"),
            new ProcessEdge("leader", "long"),
            new ProcessEdge("long", "hr", [new FieldCondition("days", ConditionOperator.Greater, JsonSerializer.SerializeToElement(3))]),
            new ProcessEdge("long", "cc", IsDefault: true),
            new ProcessEdge("hr", "end"),
            new ProcessEdge("cc", "end"),
        ]);

    /// <summary>Leader approves; above 10,000 finance's leader countersigns too.</summary>
    public static ApprovalProcess Purchase(long financeDepartment) => new(
        [
            new StartNode("start", "发起"),
            new ApprovalNode("leader", "直属领导", ApprovalMode.Single, [AssigneeRule.ApplicantLeader()]),
            new ConditionNode("large", "金额大于 10000？"),
            new ApprovalNode("finance", "财务审批", ApprovalMode.Single, [AssigneeRule.DepartmentLeader(financeDepartment)], DueHours: 72, OnTimeout: TimeoutAction.Remind),
            new EndNode("end", "结束"),
        ],
        [
            new ProcessEdge("start", "leader"),
            new ProcessEdge("leader", "large"),
            new ProcessEdge("large", "finance", [new FieldCondition("amount", ConditionOperator.Greater, JsonSerializer.SerializeToElement(10000))]),
            new ProcessEdge("large", "end", IsDefault: true),
            new ProcessEdge("finance", "end"),
        ]);
}
