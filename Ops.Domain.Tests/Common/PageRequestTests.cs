using Ops.Domain.Common;

namespace Ops.Domain.Tests.Common;

public sealed class PageRequestTests
{
    [Theory]
    [InlineData(-3, 0, 0, 1)]
    [InlineData(2, 100000, 2, PageRequest.MaxPageSize)]
    [InlineData(1, 25, 1, 25)]
    public void Normalized_ForcesPageAndSizeIntoRange(int page, int size, int expectedPage, int expectedSize)
    {
        var normalized = new PageRequest { Page = page, PageSize = size }.Normalized();

        Assert.Equal(expectedPage, normalized.Page);
        Assert.Equal(expectedSize, normalized.PageSize);
    }

    [Theory]
    [InlineData("   ", null)]
    [InlineData(" ops ", "ops")]
    public void Normalized_TrimsSearch(string search, string? expected) =>
        Assert.Equal(expected, new PageRequest { Search = search }.Normalized().Search);

    [Fact]
    public void PagedResult_CountsPages()
    {
        Assert.Equal(3, new PagedResult<int>([1], 41, 0, 20).PageCount);
        Assert.Equal(0, PagedResult<int>.Empty(0, 20).PageCount);
    }
}
