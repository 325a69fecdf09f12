using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Ops.Domain.Notifications;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Common.Outbox;
using Ops.Infrastructure.Config;
using Ops.Infrastructure.Notifications;

namespace Ops.Portal.Tests.Notifications;

/// <summary>What the outbox tests share: the webhook channel and template, sending, and reading the log back.</summary>
internal static class OutboxTestKit
{
    public static readonly Dictionary<string, string?> ThreeAttempts = new() { ["Outbox:MaxAttempts"] = "3" };

    public static FakeTimeProvider NewClock() => new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public static async Task ConfigureAsync(OpsWebFactory factory, WebhookReceiver receiver) => await ConfigureAsync(factory, receiver.Url);

    public static async Task ConfigureAsync(OpsWebFactory factory, string url)
    {
        await using var scope = factory.Services.CreateSystemScope();
        await scope.ServiceProvider.GetRequiredService<SettingsStore>().SetAsync(WebhookSettings.Key, "notification",
            new WebhookSettings(url, "hook-secret", new Dictionary<string, string> { ["X-Team"] = "on" }), encrypt: true);
        var templates = scope.ServiceProvider.GetRequiredService<ITemplateService>();
        if ((await templates.ListAsync(null, new PageRequest())).TotalCount == 0)
        {
            await templates.CreateAsync(new TemplateInput("deploy.done", "部署完成", MessageChannel.Webhook, null, "{\"text\":\"${text}\"}", null, null,
                [new TemplateParameter("text", null, "v1")], true));
        }
    }

    public static async Task<Result<int>> SendAsync(OpsWebFactory factory, string text, string? key = null)
    {
        await using var scope = factory.Services.CreateSystemScope();
        return await scope.ServiceProvider.GetRequiredService<IMessageService>().SendAsync(
            new SendRequest("deploy.done", [], ["default"], new Dictionary<string, string?> { ["text"] = text }, "deploy", "42", key));
    }

    public static OutboxDriver<MessageLog, MessageStatus> Driver(OpsWebFactory factory) => new(factory.Services);

    public static Task<MessageLog> UntilAsync(OpsWebFactory factory, Func<MessageLog, bool> done) =>
        Driver(factory).UntilAsync(() => FirstAsync(factory), done);

    public static async Task<MessageLog> FirstAsync(OpsWebFactory factory)
    {
        await using var scope = factory.Services.CreateSystemScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
        return await db.MessageLogs.AsNoTracking().OrderBy(m => m.Id).FirstAsync();
    }

    public static async Task<int> CountAsync(OpsWebFactory factory, MessageStatus status)
    {
        await using var scope = factory.Services.CreateSystemScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
        return await db.MessageLogs.CountAsync(m => m.Status == status);
    }

    /// <summary>A context straight on the database, for a test that plays a process that is gone.</summary>
    public static OpsDbContext Open(TestDatabase database) => database.Provider == Ops.Infrastructure.Persistence.DatabaseProvider.Sqlite
        ? new Ops.Infrastructure.Persistence.SqliteOpsDbContext(
            new DbContextOptionsBuilder<Ops.Infrastructure.Persistence.SqliteOpsDbContext>().UseSqlite(database.ConnectionString).Options)
        : new Ops.Infrastructure.Persistence.MySqlOpsDbContext(
            new DbContextOptionsBuilder<Ops.Infrastructure.Persistence.MySqlOpsDbContext>()
                .UseMySql(database.ConnectionString, ServerVersion.Parse("10.11.0-mariadb")).Options);

    public static async Task<List<MessageAttempt>> AttemptsAsync(OpsWebFactory factory, long id)
    {
        await using var scope = factory.Services.CreateSystemScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
        return await db.MessageAttempts.AsNoTracking().Where(a => a.MessageId == id).OrderBy(a => a.Number).ToListAsync();
    }
}
