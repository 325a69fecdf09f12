using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Ops.Domain.Approvals;
using Ops.Domain.Audit;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Approvals;

/// <summary>Approval types: design, publish (a new frozen version), archive, delete, callback settings. Changes are audited.</summary>
internal sealed partial class ApprovalDefinitionService(
    IDbContextFactory<OpsDbContext> factory, IPermissionGuard guard, ICurrentUser currentUser, IAuditTrail audit, IDataProtectionProvider protection, TimeProvider clock)
    : IApprovalDefinitionService
{
    public const string SecretPurpose = "Ops.Approvals.Callback";

    private static readonly SortMap<ApprovalDefinition> Sorts = new SortMap<ApprovalDefinition>(x => x.Id)
        .Add("code", d => d.Code).Add("name", d => d.Name).Add("category", d => d.Category).Add("status", d => d.Status).Add("updatedAt", d => d.UpdatedAt)
        .Default("updatedAt", SortDirection.Descending);

    public async Task<PagedResult<DefinitionRow>> ListAsync(DefinitionFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ApprovalPermissions.Definitions.View, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var query = db.ApprovalDefinitions.AsNoTracking();
        var search = (filter.Search ?? page.Search)?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            query = query.Where(d => d.Code.Contains(search) || d.Name.Contains(search));
        }

        query = filter.Status is { } status ? query.Where(d => d.Status == status) : query;
        query = string.IsNullOrWhiteSpace(filter.Category) ? query : query.Where(d => d.Category == filter.Category);

        // Sorted and paged on the table; the row (with its version and running count) is built for the page only.
        var request = page.Normalized();
        var total = await query.CountAsync(cancellationToken);
        var items = await Sorts.Apply(query, request.Sort).Skip(request.Page * request.PageSize).Take(request.PageSize)
            .Select(d => new DefinitionRow(
                d.Id, d.Code, d.Name, d.Category, d.Description, d.Status,
                d.Versions.Max(v => (int?)v.Number), d.Versions.Max(v => (DateTimeOffset?)v.PublishedAt),
                db.ApprovalInstances.Count(i => i.DefinitionId == d.Id && i.Status == ApprovalStatus.Pending), d.UpdatedAt, d.Version))
            .ToListAsync(cancellationToken);
        return new PagedResult<DefinitionRow>(items, total, request.Page, request.PageSize);
    }

    public async Task<Result<DefinitionDetail>> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ApprovalPermissions.Definitions.View, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var d = await db.ApprovalDefinitions.AsNoTracking().Where(x => x.Id == id).Include(x => x.Versions).SingleOrDefaultFlatAsync(cancellationToken);
        if (d is null)
        {
            return Error.NotFound(ApprovalErrors.DefinitionNotFound, id);
        }

        var counts = await db.ApprovalInstances.Where(i => i.DefinitionId == id).GroupBy(i => i.VersionNumber)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var publishers = d.Versions.Where(v => v.PublishedBy is not null).Select(v => v.PublishedBy!.Value).Distinct().ToList();
        var names = await db.Users.Where(u => publishers.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.RealName ?? u.UserName, cancellationToken);
        var versions = d.Versions.OrderByDescending(v => v.Number).Select(v => new PublishedVersionRow(
            v.Number, v.PublishedAt, v.PublishedBy, v.PublishedBy is { } by ? names.GetValueOrDefault(by) : null, counts.GetValueOrDefault(v.Number))).ToList();
        return new DefinitionDetail(d.Id, d.Code, d.Name, d.Category, d.Description, d.Status, d.DraftProcess, d.DraftForm,
            d.CallbackEnabled, d.CallbackUrl, d.CallbackSecretProtected is not null, versions, d.Version);
    }

    public async Task<Result<long>> CreateAsync(DefinitionInput input, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ApprovalPermissions.Definitions.Edit, cancellationToken);
        var created = ApprovalDefinition.Create(input.Code, input.Name, input.Category, input.Description);
        if (created.IsFailure)
        {
            return created.Error!;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.ApprovalDefinitions.Add(created.Value);
        if (!await UniqueViolation.TrySaveAsync(db, cancellationToken))
        {
            return Error.Conflict(ApprovalErrors.CodeTaken, created.Value.Code);
        }

        await RecordAsync("definition.create", created.Value.Id, created.Value.Code, cancellationToken);
        return created.Value.Id;
    }

    public Task<Result> DescribeAsync(long id, DefinitionInput input, int version, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, version, ApprovalPermissions.Definitions.Edit, "definition.update", d => d.Describe(input.Name, input.Category, input.Description), cancellationToken);

    public async Task<Result<int>> SaveDesignAsync(long id, ApprovalProcess process, ApprovalForm form, int version, CancellationToken cancellationToken = default)
    {
        var saved = await ChangeAsync(id, version, ApprovalPermissions.Definitions.Edit, null, d => d.Design(process, form), cancellationToken);
        if (saved.IsFailure)
        {
            return saved.Error!;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.ApprovalDefinitions.Where(d => d.Id == id).Select(d => d.Version).SingleAsync(cancellationToken);
    }

    public IReadOnlyList<ApprovalProblem> Validate(ApprovalProcess process, ApprovalForm form) =>
        [.. FormDesignRules.Validate(form), .. ProcessRules.Validate(process, form)];

    public async Task<Result<int>> PublishAsync(long id, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ApprovalPermissions.Definitions.Publish, cancellationToken);
        var by = (await currentUser.GetActorAsync(cancellationToken)).UserId;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var definition = await db.ApprovalDefinitions.Where(d => d.Id == id).Include(d => d.Versions).SingleOrDefaultFlatAsync(cancellationToken);
        if (definition is null)
        {
            return Error.NotFound(ApprovalErrors.DefinitionNotFound, id);
        }

        var published = definition.Publish(by, clock.GetUtcNow());
        if (published.IsFailure)
        {
            return published.Error!;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || UniqueViolation.Is(ex))
        {
            return Error.Conflict("common.concurrency_conflict", "approval definition");
        }

        await RecordAsync("definition.publish", id, $"{definition.Code} v{published.Value.Number}", cancellationToken);
        return published.Value.Number;
    }

    public async Task<Result> ArchiveAsync(long id, CancellationToken cancellationToken = default) =>
        await ChangeAsync(id, null, ApprovalPermissions.Definitions.Publish, "definition.archive", d => { d.Archive(); return Result.Success(); }, cancellationToken);

    public async Task<Result> RestoreAsync(long id, CancellationToken cancellationToken = default) =>
        await ChangeAsync(id, null, ApprovalPermissions.Definitions.Publish, "definition.restore", d => { d.Restore(); return Result.Success(); }, cancellationToken);

    public async Task<Result> DeleteAsync(long id, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ApprovalPermissions.Definitions.Delete, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var definition = await db.ApprovalDefinitions.Where(d => d.Id == id).Include(d => d.Versions).SingleOrDefaultFlatAsync(cancellationToken);
        if (definition is null)
        {
            return Error.NotFound(ApprovalErrors.DefinitionNotFound, id);
        }

        if (await db.ApprovalInstances.AnyAsync(i => i.DefinitionId == id, cancellationToken))
        {
            return Error.Conflict(ApprovalErrors.DefinitionInUse, definition.Name);
        }

        db.ApprovalDefinitions.Remove(definition);
        await db.SaveChangesAsync(cancellationToken);
        await RecordAsync("definition.delete", id, definition.Code, cancellationToken);
        return Result.Success();
    }

    private async Task<Result> ChangeAsync(long id, int? version, string permission, string? action, Func<ApprovalDefinition, Result> change, CancellationToken cancellationToken)
    {
        await guard.DemandAsync(permission, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var definition = await db.ApprovalDefinitions.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (definition is null)
        {
            return Error.NotFound(ApprovalErrors.DefinitionNotFound, id);
        }

        if (version is { } expected && expected != definition.Version)
        {
            return Error.Conflict("common.concurrency_conflict", "approval definition");
        }

        var changed = change(definition);
        if (changed.IsFailure)
        {
            return changed;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("common.concurrency_conflict", "approval definition");
        }

        if (action is not null)
        {
            await RecordAsync(action, id, definition.Code, cancellationToken);
        }

        return Result.Success();
    }

    private Task RecordAsync(string action, long id, string detail, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditEntry("workflow", action, "approval_definition", id.ToString(CultureInfo.InvariantCulture), Detail: detail), cancellationToken);
}
