using Ops.Domain.Approvals;
using Ops.Domain.Audit;
using Ops.Domain.Common;
using Ops.Infrastructure.Common;

namespace Ops.Infrastructure.Approvals;

/// <summary>Export of a box: the same permission checks and filters as the list, page after page.</summary>
internal sealed partial class ApprovalInbox
{
    public const int MaxExportRows = 10_000;

    public async Task<byte[]> ExportAsync(InboxBox box, InboxFilter filter, SheetFormat format, CancellationToken cancellationToken = default)
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

        await audit.RecordAsync(new AuditEntry("workflow", "inbox.export", Detail: $"{box}: {rows.Count} rows"), cancellationToken);
        return await ExcelExchange.ExportAsync(Columns.Rows(rows, format), "Approvals", cancellationToken);
    }

    private static readonly SheetColumns<InboxRow> Columns = new SheetColumns<InboxRow>()
        .Add("sheet.inbox.id", r => r.InstanceId)
        .Add("sheet.inbox.title", r => r.Title)
        .Add("sheet.inbox.type", r => r.DefinitionName)
        .Add("sheet.inbox.applicant", r => r.ApplicantName)
        .Add("sheet.inbox.step", r => r.NodeName ?? r.CurrentNodeName)
        .Word("sheet.common.status", r => $"approval.status.{r.Status.ToString().ToLowerInvariant()}")
        .Word("sheet.inbox.urgency", r => $"approval.urgency.{r.Urgency.ToString().ToLowerInvariant()}")
        .Time("sheet.inbox.submitted", r => r.SubmittedAt)
        .Time("sheet.inbox.handled", r => r.HandledAt)
        .Time("sheet.inbox.finished", r => r.FinishedAt);
}
