using Ops.Domain.Common;

namespace Ops.Domain.Tests.Common;

public sealed class ResultTests
{
    [Fact]
    public void Success_CarriesValue()
    {
        Result<int> result = 42;

        Assert.True(result.IsSuccess);
        Assert.False(result.IsFailure);
        Assert.Equal(42, result.Value);
        Assert.Null(result.Error);
    }

    [Fact]
    public void Failure_CarriesError_AndRefusesValue()
    {
        Result<int> result = Error.NotFound("auth.user.not_found", 7);

        Assert.True(result.IsFailure);
        Assert.Equal("auth.user.not_found", result.Error!.Code);
        Assert.Equal(ErrorKind.NotFound, result.Error.Kind);
        Assert.Equal([7], result.Error.Args);
        Assert.Throws<InvalidOperationException>(() => result.Value);
    }

    [Fact]
    public void Map_TransformsSuccess_AndPassesFailureThrough()
    {
        Result<int> ok = 2;
        Result<int> failed = Error.Conflict("x.conflict");

        Assert.Equal("4", ok.Map(v => (v * 2).ToString(System.Globalization.CultureInfo.InvariantCulture)).Value);
        Assert.Equal("x.conflict", failed.Map(v => v * 2).Error!.Code);
    }

    [Fact]
    public void Match_ChoosesBranch()
    {
        Result<int> ok = 1;
        Result<int> failed = Error.Invalid("x.invalid");

        Assert.Equal("ok 1", ok.Match(v => $"ok {v}", e => e.Code));
        Assert.Equal("x.invalid", failed.Match(v => $"ok {v}", e => e.Code));
    }

    [Fact]
    public void NonGenericResult_FromError_IsFailure()
    {
        Result result = Error.Forbidden("common.forbidden");

        Assert.True(result.IsFailure);
        Assert.True(Result.Success().IsSuccess);
    }

    [Fact]
    public void Failure_WithNullError_Throws() =>
        Assert.Throws<ArgumentNullException>(() => Result.Failure(null!));

    [Fact]
    public void Error_ToString_IncludesArgs() =>
        Assert.Equal("a.b(1, x)", Error.Invalid("a.b", 1, "x").ToString());
}
