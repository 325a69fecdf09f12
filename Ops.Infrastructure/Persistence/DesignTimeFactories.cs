using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Ops.Infrastructure.Persistence;

/// <summary>
/// Used by <c>dotnet ef</c>. The connection comes from <c>--connection</c> or the environment
/// variable <c>ConnectionStrings__Ops</c>; no server is contacted to build the model.
/// </summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteOpsDbContext>
{
    public SqliteOpsDbContext CreateDbContext(string[] args)
    {
        var connection = Environment.GetEnvironmentVariable("ConnectionStrings__Ops") ?? "Data Source=App_Data/ops.db";
        var options = new DbContextOptionsBuilder<SqliteOpsDbContext>();
        DatabaseRegistration.ConfigureSqlite(options, connection);
        return new SqliteOpsDbContext(options.Options);
    }
}

internal sealed class MySqlDesignTimeFactory : IDesignTimeDbContextFactory<MySqlOpsDbContext>
{
    public MySqlDesignTimeFactory()
    {
    }

    public MySqlOpsDbContext CreateDbContext(string[] args)
    {
        var connection = Environment.GetEnvironmentVariable("ConnectionStrings__Ops")
            ?? "Server=127.0.0.1;Port=3306;Database=ops;User=ops;Password=ops";
        var version = Environment.GetEnvironmentVariable("Database__ServerVersion") ?? DatabaseOptions.DefaultServerVersion;
        var options = new DbContextOptionsBuilder<MySqlOpsDbContext>();
        DatabaseRegistration.ConfigureMySql(options, connection, version);
        return new MySqlOpsDbContext(options.Options);
    }
}
