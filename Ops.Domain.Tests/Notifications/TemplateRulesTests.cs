using Ops.Domain.Notifications;

namespace Ops.Domain.Tests.Notifications;

public sealed class TemplateRulesTests
{
    private static readonly TemplateInput JobFailed = new(
        "job.failed", "Job failed", MessageChannel.Email, "任务 ${job} 失败", "<p>${job} 于 ${time} 失败：${error}</p>",
        "Job ${job} failed", "<p>${job} failed at ${time}: ${error}</p>",
        [new("job", "job name", "nightly-backup"), new("time", null, "02:00"), new("error", null, "exit 1")], true);

    [Fact]
    public void AConsistentTemplate_IsValid() => Assert.True(TemplateRules.Validate(JobFailed).IsSuccess);

    [Fact]
    public void AnUndeclaredVariable_AnywhereInAnyLanguage_IsNamed()
    {
        var result = TemplateRules.Validate(JobFailed with { ContentEn = "${job} ${owner}" });

        Assert.Equal("message.template.undeclared_variables", result.Error!.Code);
        Assert.Equal(["owner"], result.Error.Args);
    }

    [Theory]
    [InlineData("bad name")]
    [InlineData("job")]
    public void BadOrRepeatedParameterNames_AreRefused(string name) =>
        Assert.Equal("message.template.parameter_invalid",
            TemplateRules.Validate(JobFailed with { Parameters = [.. JobFailed.Parameters, new TemplateParameter(name, null, null)] }).Error!.Code);

    [Fact]
    public void Email_NeedsASubject() =>
        Assert.Equal("common.required", TemplateRules.Validate(JobFailed with { Subject = " " }).Error!.Code);

    [Fact]
    public void Render_PicksTheLanguage_AndEscapesForTheChannel()
    {
        var values = new Dictionary<string, string?> { ["job"] = "<备份>", ["time"] = "02:00", ["error"] = "a & b" };

        var chinese = TemplateRules.Render(JobFailed, values, english: false).Value;
        var english = TemplateRules.Render(JobFailed, values, english: true).Value;

        Assert.Equal(("任务 <备份> 失败", "<p>&lt;备份&gt; 于 02:00 失败：a &amp; b</p>"), (chinese.Subject, chinese.Content));
        Assert.Equal("Job <备份> failed", english.Subject);
    }

    [Fact]
    public void Render_FallsBackToChinese_WithoutAnEnglishVariant() =>
        Assert.StartsWith("<p>x 于", TemplateRules.Render(JobFailed with { ContentEn = null, SubjectEn = null },
            new Dictionary<string, string?> { ["job"] = "x", ["time"] = "t", ["error"] = "e" }, english: true).Value.Content, StringComparison.Ordinal);
}
