using Microsoft.EntityFrameworkCore;
using Ops.Domain.Approvals;
using Ops.Domain.Auth;
using Ops.Domain.Common;

namespace Ops.Infrastructure.Approvals;

/// <summary>What applicants may apply for: published definitions and their latest version.</summary>
internal sealed partial class ApprovalDefinitionService
{
    public async Task<IReadOnlyList<ApplicableDefinition>> ApplicableAsync(CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ApprovalPermissions.Instances.Todo, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var published = await db.ApprovalDefinitions.Where(d => d.Status == DefinitionStatus.Published)
            .OrderBy(d => d.Category).ThenBy(d => d.Name).WithLatestVersionAsync(db, cancellationToken);
        return published.Where(d => d.LatestVersion is not null).Select(ToApplicable).ToList();
    }

    public async Task<Result<ApplicableDefinition>> ApplicableAsync(string code, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ApprovalPermissions.Instances.Todo, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var d = (await db.ApprovalDefinitions.Where(x => x.Code == code).WithLatestVersionAsync(db, cancellationToken)).SingleOrDefault();
        if (d is null)
        {
            return Error.NotFound(ApprovalErrors.DefinitionNotFound, code);
        }

        return d.Status == DefinitionStatus.Published && d.LatestVersion is not null ? ToApplicable(d) : Error.Conflict(ApprovalErrors.NotPublished, d.Code);
    }

    private static ApplicableDefinition ToApplicable(ApprovalDefinition d) =>
        new(d.Id, d.Code, d.Name, d.Category, d.Description, d.LatestVersion!.Number, d.LatestVersion.Form, d.LatestVersion.Process);
}
