using Ops.Domain.Notifications;

namespace Ops.Portal.Tests.Notifications;

public sealed class TemplateServiceTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.MySql];

    private static readonly TemplateInput Alert = new(
        "alert.raised", "告警", MessageChannel.DingTalk, null, "**${title}** ${detail}", null, null,
        [new("title", null, "CPU 过高"), new("detail", null, "95%")], true);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Create_Update_Delete_WithChecks(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        harness.CurrentUser.Actor = Actor.System;
        var templates = harness.Services.CreateScope().ServiceProvider.GetRequiredService<ITemplateService>();

        var id = (await templates.CreateAsync(Alert)).Value;
        Assert.Equal("message.template.code_taken", (await templates.CreateAsync(Alert)).Error!.Code);
        Assert.Equal("message.template.undeclared_variables", (await templates.CreateAsync(Alert with { Code = "other", Content = "${nope}" })).Error!.Code);
        Assert.Equal("message.template.code_fixed", (await templates.UpdateAsync(id, Alert with { Code = "renamed" }, 0)).Error!.Code);
        Assert.True((await templates.UpdateAsync(id, Alert with { Name = "告警通知" }, 0)).IsSuccess);
        Assert.Equal("common.concurrency_conflict", (await templates.UpdateAsync(id, Alert with { Name = "again" }, 0)).Error!.Code);

        var detail = (await templates.GetAsync(id)).Value;
        Assert.Equal(("告警通知", 2), (detail.Input.Name, detail.Input.Parameters.Count));
        Assert.True((await templates.DeleteAsync(id)).IsSuccess);
        Assert.Empty((await templates.ListAsync(null, new PageRequest())).Items);
    }

    [Fact]
    public async Task Preview_UsesTheSamples_AndTheChannelsEscaping()
    {
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite, migrate: false);
        var templates = harness.Services.CreateScope().ServiceProvider.GetRequiredService<ITemplateService>();

        var preview = templates.Preview(Alert with { Parameters = [new("title", null, "CPU_高"), new("detail", null, "95%")] });

        Assert.Equal("**CPU\\_高** 95%", preview.Value.Content);
    }

    [Fact]
    public async Task CallersWithoutThePermission_AreRefused()
    {
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);
        harness.CurrentUser.Actor = await harness.UserAsync("nobody");
        var templates = harness.Services.CreateScope().ServiceProvider.GetRequiredService<ITemplateService>();

        await Assert.ThrowsAsync<ForbiddenException>(() => templates.ListAsync(null, new PageRequest()));
        await Assert.ThrowsAsync<ForbiddenException>(() => templates.CreateAsync(Alert));
    }
}
