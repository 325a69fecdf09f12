using Ops.Domain.Auth;
using Ops.Infrastructure.Common;

namespace Ops.Portal.Tests.Common;

public sealed class PagingTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.MySql];

    private static readonly SortMap<Department> Sorts = new SortMap<Department>(x => x.Id)
        .Add("name", d => d.Name)
        .Add("sort", d => d.SortOrder)
        .Default("sort");

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Page_CountsAll_AndReturnsTheRequestedSlice(DatabaseProvider provider)
    {
        await using var harness = await SeedAsync(provider);
        await using var db = await harness.CreateDbContextAsync();

        var page = await db.Departments.ToPagedResultAsync(new PageRequest { Page = 1, PageSize = 4 }, Sorts);

        Assert.Equal(10, page.TotalCount);
        Assert.Equal(3, page.PageCount);
        Assert.Equal(["D4", "D5", "D6", "D7"], page.Items.Select(d => d.Code));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Sort_UsesWhitelistedColumns_AndIgnoresUnknownOnes(DatabaseProvider provider)
    {
        await using var harness = await SeedAsync(provider);
        await using var db = await harness.CreateDbContextAsync();

        var byName = await db.Departments.ToPagedResultAsync(
            new PageRequest { PageSize = 3, Sort = [new SortSpec("NAME", SortDirection.Descending)] }, Sorts);
        var unknown = await db.Departments.ToPagedResultAsync(
            new PageRequest { PageSize = 3, Sort = [new SortSpec("PasswordHash")] }, Sorts);

        Assert.Equal(["Dept 9", "Dept 8", "Dept 7"], byName.Items.Select(d => d.Name));
        Assert.Equal(["D0", "D1", "D2"], unknown.Items.Select(d => d.Code));
    }

    [Fact]
    public async Task HostilePageSize_IsClamped()
    {
        await using var harness = await SeedAsync(DatabaseProvider.Sqlite);
        await using var db = await harness.CreateDbContextAsync();

        var page = await db.Departments.ToPagedResultAsync(new PageRequest { Page = -5, PageSize = 1_000_000 }, Sorts);

        Assert.Equal(0, page.Page);
        Assert.Equal(PageRequest.MaxPageSize, page.PageSize);
        Assert.Equal(10, page.Items.Count);
    }

    private static async Task<InfrastructureHarness> SeedAsync(DatabaseProvider provider)
    {
        var harness = await InfrastructureHarness.StartAsync(provider);
        await using var db = await harness.CreateDbContextAsync();
        for (var i = 0; i < 10; i++)
        {
            db.Departments.Add(new Department($"Dept {i}", $"D{i}", sortOrder: i));
        }

        await db.SaveChangesAsync();
        return harness;
    }
}
