using System.Data.Common;

namespace Ops.Infrastructure.Reports.DataSources;

/// <summary>An open data-source connection and what guards it; disposing closes both.</summary>
public sealed class OpenedSource(DbConnection connection, CancellationTokenRegistration interrupt) : IAsyncDisposable
{
    public DbConnection Connection { get; } = connection;

    public async ValueTask DisposeAsync()
    {
        await interrupt.DisposeAsync();
        await Connection.DisposeAsync();
    }
}
