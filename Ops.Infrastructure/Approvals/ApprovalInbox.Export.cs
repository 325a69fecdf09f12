using System.Globalization;
using Ops.Domain.Approvals;
using Ops.Domain.Audit;
using Ops.Domain.Common;
using Ops.Infrastructure.Common;

namespace Ops.Infrastructure.Approvals;

/// <summary>Export of a box: the same permission checks and filters as the list, page after page.</summary>
internal sealed partial class ApprovalInbox
{
    public const int MaxExportRows = 10_000;

    public async Task<byte[]> ExportAsync(InboxBox box, InboxFilter filter, CancellationToken cancellationToken = default)
    {
        var rows = new List<InboxRow>();
        for (var page = 0; rows.Count < MaxExportRows; page++)
        {
            var chunk = await ListAsync(box, filter, new PageRequest { Page = page, PageSize = PageRequest.MaxPageSize }, cancellationToken);
            rows.AddRange(chunk.Items.Take(MaxExportRows - rows.Count));
            if (chunk.Items.Count < PageRequest.MaxPageSize)
            {
                break;
            }
        }

        var zh = CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var sheet = rows.Select(r => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            [zh ? "编号" : "Id"] = r.InstanceId,
            [zh ? "标题" : "Title"] = r.Title,
            [zh ? "审批类型" : "Type"] = r.DefinitionName,
            [zh ? "申请人" : "Applicant"] = r.ApplicantName,
            [zh ? "节点" : "Step"] = r.NodeName ?? r.CurrentNodeName,
            [zh ? "状态" : "Status"] = r.Status.ToString(),
            [zh ? "紧急程度" : "Urgency"] = r.Urgency.ToString(),
            [zh ? "提交时间" : "Submitted"] = Time(r.SubmittedAt),
            [zh ? "处理时间" : "Handled"] = Time(r.HandledAt),
            [zh ? "完成时间" : "Finished"] = Time(r.FinishedAt),
        });
        await audit.RecordAsync(new AuditEntry("workflow", "inbox.export", Detail: $"{box}: {rows.Count} rows"), cancellationToken);
        return await ExcelExchange.ExportAsync(sheet, "Approvals", cancellationToken);
    }

    private static string? Time(DateTimeOffset? at) => at?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
