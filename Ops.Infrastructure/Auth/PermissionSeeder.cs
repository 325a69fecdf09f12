using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ops.Domain.Auth;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Auth;

/// <summary>
/// Brings the permission table in line with <see cref="PermissionCatalog"/>: new codes appear,
/// changed ones are updated, removed ones are retired (grants kept, never effective). Idempotent.
/// </summary>
internal sealed class PermissionSeeder(IDbContextFactory<OpsDbContext> factory, ILogger<PermissionSeeder> logger)
{
    public async Task SeedAsync(IReadOnlyList<PermissionDefinition> catalog, CancellationToken cancellationToken = default)
    {
        var problems = PermissionCatalog.Validate(catalog);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Permission catalogue is invalid: " + string.Join("; ", problems));
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var existing = await db.Permissions.ToDictionaryAsync(p => p.Code, StringComparer.Ordinal, cancellationToken);
        int added = 0, changed = 0, retired = 0;
        foreach (var definition in catalog)
        {
            if (existing.TryGetValue(definition.Code, out var permission))
            {
                changed += permission.UpdateFrom(definition) ? 1 : 0;
            }
            else
            {
                existing[definition.Code] = Permission.From(definition);
                db.Permissions.Add(existing[definition.Code]);
                added++;
            }
        }

        var codes = catalog.Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in existing.Values.Where(p => !codes.Contains(p.Code) && !p.IsRetired))
        {
            stale.Retire();
            retired++;
        }

        await db.SaveChangesAsync(cancellationToken);

        // Parents by id need the ids of rows added above.
        foreach (var definition in catalog)
        {
            var parentId = definition.ParentCode is null ? (long?)null : existing[definition.ParentCode].Id;
            if (existing[definition.Code].ParentId != parentId)
            {
                existing[definition.Code].SetParent(parentId);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Permissions seeded: {Added} added, {Changed} updated, {Retired} retired", added, changed, retired);
    }
}
