using Ops.Domain.Notifications;

namespace Ops.Domain.Tests.Notifications;

public sealed class TemplateRendererTests
{
    private static Dictionary<string, string?> Values(params (string Key, string? Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);

    [Fact]
    public void Render_SubstitutesEveryPlaceholder_AndKeepsUnicode()
    {
        var result = TemplateRenderer.Render("任务 ${taskName} 由 ${userName} 于 ${time} 失败 🚨", Values(("taskName", "夜间备份"), ("userName", "张伟"), ("time", "02:00")), TemplateEscaping.None);

        Assert.Equal("任务 夜间备份 由 张伟 于 02:00 失败 🚨", result.Value);
    }

    [Fact]
    public void Render_MissingValues_AreAnErrorNamingThem()
    {
        var result = TemplateRenderer.Render("${a} ${b} ${c}", Values(("b", "x"), ("c", null)), TemplateEscaping.None);

        Assert.Equal("message.template.missing_variables", result.Error!.Code);
        Assert.Equal(["a, c"], result.Error.Args);
    }

    [Fact]
    public void Variables_ListsEachOnce_InOrder_AndSkipsEscapedOnes() =>
        Assert.Equal(["job", "user.name"], TemplateRenderer.Variables("${job} $${literal} ${user.name} ${job}"));

    [Fact]
    public void DoubleDollar_WritesALiteralPlaceholder() =>
        Assert.Equal("cost ${price} = 5", TemplateRenderer.Render("cost $${price} = ${value}", Values(("value", "5")), TemplateEscaping.None).Value);

    [Fact]
    public void Undeclared_FindsPlaceholdersWithoutAParameter() =>
        Assert.Equal(["extra"], TemplateRenderer.Undeclared("${name} ${extra}", ["name", "unused"]));

    [Theory]
    [InlineData(TemplateEscaping.Html, "<b>\"A&B\"</b>", "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;")]
    [InlineData(TemplateEscaping.Json, "say \"hi\"\n\\ 你好", "say \\\"hi\\\"\\n\\\\ 你好")]
    [InlineData(TemplateEscaping.Markdown, "*bold* [link](x) #1", "\\*bold\\* \\[link\\]\\(x\\) \\#1")]
    [InlineData(TemplateEscaping.Url, "a&phone=+1900 中", "a%26phone%3D%2B1900%20%E4%B8%AD")]
    [InlineData(TemplateEscaping.None, "<b>*x*</b>", "<b>*x*</b>")]
    public void Values_AreEscapedForTheChannel(TemplateEscaping escaping, string value, string expected) =>
        Assert.Equal(expected, TemplateRenderer.Render("${v}", Values(("v", value)), escaping).Value);

    [Fact]
    public void JsonTemplates_StayValidJson_WhateverTheValue()
    {
        var rendered = TemplateRenderer.Render("{\"text\":\"${v}\"}", Values(("v", "quote \" backslash \\ newline \n tab \t 中文")), TemplateEscaping.Json).Value;

        using var document = System.Text.Json.JsonDocument.Parse(rendered);
        Assert.Equal("quote \" backslash \\ newline \n tab \t 中文", document.RootElement.GetProperty("text").GetString());
    }
}
