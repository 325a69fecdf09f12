using Ops.Domain.Approvals;

namespace Ops.Portal.Tests.Approvals;

/// <summary>Approval definitions and their published versions survive the database: process and form as JSON, versions in order.</summary>
public sealed class ApprovalDefinitionPersistenceTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.MySql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task PublishedVersions_AndTheDraft_RoundTrip_AndTheCodeIsUnique(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        var form = new ApprovalForm([new FormField("amount", "金额", FieldType.Amount, Required: true), new FormField("reason", "事由", FieldType.TextArea)]);
        var process = new ApprovalProcess(
            [new StartNode("start"), new ApprovalNode("leader", "直属领导", ApprovalMode.Single, [AssigneeRule.ApplicantLeader()]), new EndNode("end")],
            [new ProcessEdge("start", "leader"), new ProcessEdge("leader", "end")]);
        var definition = ApprovalDefinition.Create("purchase", "采购申请", "财务").Value;
        Assert.True(definition.Design(process, form).IsSuccess);
        Assert.True(definition.Publish(null, DateTimeOffset.UtcNow).IsSuccess);
        Assert.True(definition.Design(process, form with { Fields = [.. form.Fields, new FormField("vendor", "供应商", FieldType.Text)] }).IsSuccess);
        Assert.True(definition.Publish(null, DateTimeOffset.UtcNow).IsSuccess);

        await using (var db = await harness.CreateDbContextAsync())
        {
            db.ApprovalDefinitions.Add(definition);
            await db.SaveChangesAsync();
        }

        await using (var db = await harness.CreateDbContextAsync())
        {
            var loaded = await db.ApprovalDefinitions.Include(d => d.Versions).AsNoTracking().SingleAsync(d => d.Code == "purchase");
            Assert.Equal([1, 2], loaded.Versions.Select(v => v.Number).Order());
            Assert.Equal(2, loaded.Versions.Single(v => v.Number == 1).Form.Fields.Count);
            Assert.Equal(3, loaded.LatestVersion!.Form.Fields.Count);
            Assert.IsType<ApprovalNode>(loaded.LatestVersion.Process.Nodes[1]);
            Assert.Equal("采购申请", loaded.Name);
            Assert.Empty(loaded.ValidateDraft());
        }

        await using (var db = await harness.CreateDbContextAsync())
        {
            db.ApprovalDefinitions.Add(ApprovalDefinition.Create("purchase", "again").Value);
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
    }
}
