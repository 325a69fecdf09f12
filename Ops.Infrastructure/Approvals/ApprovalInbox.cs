using Microsoft.EntityFrameworkCore;
using Ops.Domain.Approvals;
using Ops.Domain.Audit;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Approvals;

/// <summary>
/// The four inboxes of the signed-in user and the counts in the menu. Each page is one query for the rows;
/// node names and "simple" (no field to edit) come from the instance's own copy of the process.
/// </summary>
internal sealed partial class ApprovalInbox(IDbContextFactory<OpsDbContext> factory, IPermissionGuard guard, IAuditTrail audit, TimeProvider clock) : IApprovalInbox
{
    public async Task<InboxCounts> CountsAsync(CancellationToken cancellationToken = default)
    {
        var me = await DemandAsync(cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var todo = await db.ApprovalTasks.CountAsync(t => (t.AssigneeId == me || t.OnBehalfOfId == me) && t.Status == ApprovalTaskStatus.Pending, cancellationToken);
        var done = await db.ApprovalTasks.CountAsync(t => t.HandledById == me && (t.Status == ApprovalTaskStatus.Approved || t.Status == ApprovalTaskStatus.Rejected), cancellationToken);
        var mine = await db.ApprovalInstances.CountAsync(i => i.ApplicantId == me && (i.Status == ApprovalStatus.Pending || i.Status == ApprovalStatus.Draft), cancellationToken);
        var cc = await db.ApprovalCcs.CountAsync(c => c.UserId == me && c.ReadAt == null, cancellationToken);
        return new InboxCounts(todo, done, mine, cc);
    }

    public async Task<PagedResult<InboxRow>> ListAsync(InboxBox box, InboxFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        if (box == InboxBox.All)
        {
            return await AllAsync(filter, page, cancellationToken);
        }

        var me = await DemandAsync(cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var query = box switch
        {
            InboxBox.Todo => Tasks(db, db.ApprovalTasks.Where(t => (t.AssigneeId == me || t.OnBehalfOfId == me) && t.Status == ApprovalTaskStatus.Pending)),
            InboxBox.Done => Tasks(db, db.ApprovalTasks.Where(t => t.HandledById == me && (t.Status == ApprovalTaskStatus.Approved || t.Status == ApprovalTaskStatus.Rejected))),
            InboxBox.Mine => Instances(db.ApprovalInstances.Where(i => i.ApplicantId == me)),
            _ => Copies(db, me),
        };
        return await PageAsync(db, Filter(query, filter), box, page, cancellationToken);
    }

    public async Task<PagedResult<InboxRow>> AllAsync(InboxFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ApprovalPermissions.Instances.ViewAll, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await PageAsync(db, Filter(Instances(db.ApprovalInstances), filter), InboxBox.Mine, page, cancellationToken);
    }

    public async Task<Result<InstanceDetail>> GetAsync(long instanceId, CancellationToken cancellationToken = default)
    {
        var me = await DemandAsync(cancellationToken);
        var viewAll = await guard.HasAsync(ApprovalPermissions.Instances.ViewAll, cancellationToken);
        var terminate = await guard.HasAsync(ApprovalPermissions.Instances.Terminate, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var instance = await db.ApprovalInstances.AsNoTracking().Include(i => i.Tasks).Include(i => i.Records).Include(i => i.Ccs).AsSplitQuery()
            .SingleOrDefaultAsync(i => i.Id == instanceId, cancellationToken);
        if (instance is null || !(viewAll || ApprovalVisibility.CanSee(instance, me)))
        {
            return Error.NotFound(ApprovalErrors.InstanceNotFound, instanceId);
        }

        var definitionName = await db.ApprovalDefinitions.Where(d => d.Id == instance.DefinitionId).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken);
        var names = await NamesAsync(db, instance, cancellationToken);
        var files = await ApprovalFileService.DescribeAsync(db, instance.Records.SelectMany(r => r.Attachments).Distinct().ToList(), cancellationToken);
        return ApprovalDetailMapper.Map(instance, definitionName ?? instance.DefinitionCode, names, files, me, viewAll, terminate, clock.GetUtcNow());
    }

    private async Task<long> DemandAsync(CancellationToken cancellationToken)
    {
        await guard.DemandAsync(ApprovalPermissions.Instances.Todo, cancellationToken);
        return await guard.RequireUserIdAsync(cancellationToken);
    }

    private static IQueryable<InboxLine> Tasks(OpsDbContext db, IQueryable<ApprovalTask> tasks) =>
        from t in tasks
        join i in db.ApprovalInstances on t.InstanceId equals i.Id
        select new InboxLine
        {
            InstanceId = i.Id, Title = i.Title, DefinitionCode = i.DefinitionCode, Status = i.Status, Urgency = i.Urgency,
            ApplicantId = i.ApplicantId, CurrentNodeKey = i.CurrentNodeKey, SubmittedAt = i.SubmittedAt,
            Since = t.CreatedAt, FinishedAt = i.FinishedAt, TaskNumber = t.Number, NodeKey = t.NodeKey,
            TaskStatus = t.Status, TaskCreatedAt = t.CreatedAt, DueAt = t.DueAt, HandledAt = t.HandledAt,
            OnBehalfOfId = t.OnBehalfOfId,
        };

    private static IQueryable<InboxLine> Instances(IQueryable<ApprovalInstance> instances) =>
        instances.Select(i => new InboxLine
        {
            InstanceId = i.Id, Title = i.Title, DefinitionCode = i.DefinitionCode, Status = i.Status, Urgency = i.Urgency,
            ApplicantId = i.ApplicantId, CurrentNodeKey = i.CurrentNodeKey, SubmittedAt = i.SubmittedAt,
            Since = i.CreatedAt, FinishedAt = i.FinishedAt, TaskNumber = null,
        });

    private static IQueryable<InboxLine> Copies(OpsDbContext db, long me) =>
        from c in db.ApprovalCcs
        where c.UserId == me
        join i in db.ApprovalInstances on c.InstanceId equals i.Id
        select new InboxLine
        {
            InstanceId = i.Id, Title = i.Title, DefinitionCode = i.DefinitionCode, Status = i.Status, Urgency = i.Urgency,
            ApplicantId = i.ApplicantId, CurrentNodeKey = i.CurrentNodeKey, SubmittedAt = i.SubmittedAt,
            Since = c.CreatedAt, FinishedAt = i.FinishedAt, NodeKey = c.NodeKey, TaskCreatedAt = c.CreatedAt,
            HandledAt = c.ReadAt, CcRead = c.ReadAt != null, TaskNumber = null,
        };

    private static IQueryable<InboxLine> Filter(IQueryable<InboxLine> query, InboxFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var text = filter.Search.Trim();
            query = query.Where(l => l.Title.Contains(text) || l.DefinitionCode.Contains(text));
        }

        query = string.IsNullOrWhiteSpace(filter.DefinitionCode) ? query : query.Where(l => l.DefinitionCode == filter.DefinitionCode);
        query = filter.Status is { } status ? query.Where(l => l.Status == status) : query;
        query = filter.Urgency is { } urgency ? query.Where(l => l.Urgency == urgency) : query;
        query = filter.From is { } from ? query.Where(l => l.Since >= from) : query;
        query = filter.To is { } to ? query.Where(l => l.Since < to) : query;
        return filter.UnreadOnly == true ? query.Where(l => l.CcRead == false) : query;
    }

    private static async Task<PagedResult<InboxRow>> PageAsync(OpsDbContext db, IQueryable<InboxLine> query, InboxBox box, PageRequest page, CancellationToken cancellationToken)
    {
        var request = page.Normalized();
        var total = await query.CountAsync(cancellationToken);
        var sorted = Sort(query, box, request);
        var lines = await sorted.Skip(request.Page * request.PageSize).Take(request.PageSize).ToListAsync(cancellationToken);
        var ids = lines.Select(l => l.InstanceId).Distinct().ToList();
        var processes = await db.ApprovalInstances.AsNoTracking().Where(i => ids.Contains(i.Id)).Select(i => new { i.Id, i.Process })
            .ToDictionaryAsync(i => i.Id, i => i.Process, cancellationToken);
        var codes = lines.Select(l => l.DefinitionCode).Distinct().ToList();
        var definitions = await db.ApprovalDefinitions.Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, cancellationToken);
        var userIds = lines.Select(l => l.ApplicantId).Concat(lines.Where(l => l.OnBehalfOfId is not null).Select(l => l.OnBehalfOfId!.Value)).Distinct().ToList();
        var users = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.RealName ?? u.UserName, cancellationToken);
        var rows = lines.Select(l => l.ToRow(processes.GetValueOrDefault(l.InstanceId) ?? ApprovalProcess.Empty, definitions.GetValueOrDefault(l.DefinitionCode) ?? l.DefinitionCode, users)).ToList();
        return new PagedResult<InboxRow>(rows, total, request.Page, request.PageSize);
    }

    private static IQueryable<InboxLine> Sort(IQueryable<InboxLine> query, InboxBox box, PageRequest request)
    {
        var spec = request.Sort.FirstOrDefault();
        var descending = spec is null || spec.Direction == SortDirection.Descending;
        var sorted = (spec?.Column?.ToLowerInvariant()) switch
        {
            "title" => descending ? query.OrderByDescending(l => l.Title) : query.OrderBy(l => l.Title),
            "urgency" => descending ? query.OrderByDescending(l => l.Urgency).ThenByDescending(l => l.Since) : query.OrderBy(l => l.Urgency).ThenBy(l => l.Since),
            "dueat" => descending ? query.OrderByDescending(l => l.DueAt) : query.OrderBy(l => l.DueAt),
            "status" => descending ? query.OrderByDescending(l => l.Status) : query.OrderBy(l => l.Status),
            _ when box == InboxBox.Done => descending ? query.OrderByDescending(l => l.HandledAt) : query.OrderBy(l => l.HandledAt),
            _ => descending ? query.OrderByDescending(l => l.Since) : query.OrderBy(l => l.Since),
        };

        // A unique tie-breaker, so rows with equal keys never repeat or vanish between pages.
        return sorted.ThenByDescending(l => l.InstanceId).ThenBy(l => l.TaskNumber);
    }

    private static async Task<IReadOnlyDictionary<long, string>> NamesAsync(OpsDbContext db, ApprovalInstance instance, CancellationToken cancellationToken)
    {
        var ids = new HashSet<long> { instance.ApplicantId };
        foreach (var t in instance.Tasks)
        {
            ids.UnionWith(new[] { t.AssigneeId, t.OnBehalfOfId ?? 0, t.AddedById ?? 0 }.Where(id => id > 0));
        }

        foreach (var r in instance.Records)
        {
            ids.UnionWith(new[] { r.ActorId ?? 0, r.OnBehalfOfId ?? 0, r.TargetUserId ?? 0 }.Where(id => id > 0));
        }

        return await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.RealName ?? u.UserName ?? u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
    }
}
