using Ops.Infrastructure.Common;

namespace Ops.Portal.Tests.Common;

public sealed class ExcelExchangeTests
{
    private sealed record Person(string Name, int Age);

    [Fact]
    public async Task Export_ThenImport_RoundTripsRows()
    {
        var bytes = await ExcelExchange.ExportAsync(new[]
        {
            new Dictionary<string, object?> { ["姓名"] = "张伟", ["年龄"] = 31 },
            new Dictionary<string, object?> { ["姓名"] = "李娜", ["年龄"] = 28 },
        });

        var result = ExcelExchange.Import(new MemoryStream(bytes), Parse);

        Assert.True(result.IsValid);
        Assert.Equal([new Person("张伟", 31), new Person("李娜", 28)], result.Rows);
    }

    [Fact]
    public async Task Import_ReportsEveryBadRow_WithItsSheetRowNumber()
    {
        var bytes = await ExcelExchange.ExportAsync(new[]
        {
            new Dictionary<string, object?> { ["姓名"] = "张伟", ["年龄"] = "31" },
            new Dictionary<string, object?> { ["姓名"] = "", ["年龄"] = "28" },
            new Dictionary<string, object?> { ["姓名"] = "王芳", ["年龄"] = "abc" },
        });

        var result = ExcelExchange.Import(new MemoryStream(bytes), Parse);

        Assert.False(result.IsValid);
        Assert.Equal([(3, "姓名", "import.required"), (4, "年龄", "import.number")], result.Errors.Select(e => (e.Row, e.Column, e.Message)));
    }

    [Fact]
    public async Task Export_TypedRows_ProducesAWorkbook()
    {
        var bytes = await ExcelExchange.ExportAsync(new[] { new Person("A", 1) });

        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal((byte)'K', bytes[1]);
    }

    private static Result<Person> Parse(IReadOnlyDictionary<string, string?> cells, int row)
    {
        var name = cells.GetValueOrDefault("姓名");
        if (string.IsNullOrEmpty(name))
        {
            return Error.Invalid("import.required", "姓名");
        }

        return int.TryParse(cells.GetValueOrDefault("年龄"), System.Globalization.CultureInfo.InvariantCulture, out var age)
            ? new Person(name, age)
            : Error.Invalid("import.number", "年龄");
    }
}
