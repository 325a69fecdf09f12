using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Ops.Infrastructure.Persistence;

/// <summary>
/// Migration sets are squashed into one initial migration before a release (README, "Migrations"). A database made
/// before a squash holds the old migration ids in its history; when it holds every one of them, its schema is the
/// squashed initial one, so its history is rewritten to name that migration and nothing is applied. A database that
/// stopped part-way is refused with what to do: it must first be brought up to date by the build before the squash.
/// </summary>
internal static class SquashedMigrations
{
    /// <summary>Rewrites the history of a database that holds exactly the squashed set; refuses one that holds part of it.</summary>
    public static async Task AdoptAsync(OpsDbContext db, CancellationToken cancellationToken)
    {
        var squash = db.Database.IsSqlite() ? SquashedMigrationIds.Sqlite : SquashedMigrationIds.MySql;
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var old = squash.Replaced.Where(applied.Contains).ToList();
        if (old.Count == 0 || applied.Contains(squash.Initial))
        {
            return;
        }

        if (old.Count != squash.Replaced.Count)
        {
            var missing = squash.Replaced.Except(old).ToList();
            throw new InvalidOperationException(
                $"This database was made by an older build and stopped at migration {old[^1]}, before {missing[0]}. The migrations it lacks " +
                $"were squashed into {squash.Initial}: start the release before the squash once to bring it up to date, then this one.");
        }

        var history = db.GetService<IHistoryRepository>();
        var version = typeof(DbContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "10.0.0";
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var id in old)
        {
            await db.Database.ExecuteSqlRawAsync(history.GetDeleteScript(id), cancellationToken);
        }

        await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(squash.Initial, version)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
