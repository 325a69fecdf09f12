using Microsoft.EntityFrameworkCore;

namespace Ops.Infrastructure.Persistence;

/// <summary>Queries shaped so that MariaDB runs them without on-disk temporary tables.</summary>
internal static class FlatQueries
{
    /// <summary>
    /// <c>SingleOrDefault</c> for a query with collection includes, filtered on a unique key. EF's own puts the row
    /// in a <c>(SELECT … LIMIT 2)</c> derived table before joining the collections, and MariaDB materialises that
    /// table, text columns and all, on disk on every call; without the limit the join is flat.
    /// </summary>
    public static async Task<T?> SingleOrDefaultFlatAsync<T>(this IQueryable<T> query, CancellationToken cancellationToken) =>
        (await query.ToListAsync(cancellationToken)).SingleOrDefault();
}
