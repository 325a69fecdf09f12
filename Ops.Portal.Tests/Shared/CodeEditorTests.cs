using System.Text.Json;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Ops.Portal.Components.Shared;

namespace Ops.Portal.Tests.Shared;

/// <summary>
/// bUnit has no browser: Monaco never runs here. These tests cover what the component renders before
/// and after Monaco is there, and the interop calls it makes (the browser side is js/code-editor.js and
/// BlazorMonaco's jsInterop.js).
/// </summary>
public sealed class CodeEditorTests : PortalTestContext
{
    private const string Script = "#!/bin/bash\necho \"<b>hello</b>\"\n";

    [Fact]
    public void Prerender_ShowsTheTextReadOnlyAndTheLabel_WithoutTouchingJavaScript()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var cut = Render<CodeEditor>(p => p
            .Add(x => x.Id, "job-script")
            .Add(x => x.Label, "Script")
            .Add(x => x.Value, Script)
            .Add(x => x.Height, "120px"));

        var container = cut.Find("[data-testid='job-script']");
        Assert.Equal("job-script", container.Id);
        Assert.Equal("false", container.GetAttribute("data-editor-ready"));
        Assert.Equal("shell", container.GetAttribute("data-language"));
        Assert.Equal("Script", cut.Find("#job-script-label").TextContent);
        Assert.Equal(Script, cut.Find("pre[data-testid='job-script-static']").TextContent);
        Assert.Contains("height: 120px", cut.Find(".ops-code-editor-frame").GetAttribute("style"), StringComparison.Ordinal);
        Assert.Empty(cut.FindAll(".ops-code-editor-monaco"));
        Assert.Empty(JSInterop.Invocations);
    }

    [Fact]
    public void WithoutLabelOrId_ThereIsNoLabelAndAnIdIsGenerated()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var cut = Render<CodeEditor>(p => p.Add(x => x.Value, "SELECT 1"));

        var container = cut.Find(".ops-code-editor");
        Assert.StartsWith("code-editor-", container.Id, StringComparison.Ordinal);
        Assert.Equal(container.Id, container.GetAttribute("data-testid"));
        Assert.Empty(cut.FindAll(".ops-code-editor-label"));
        Assert.Equal("SELECT 1", cut.Find("pre").TextContent);
    }

    [Fact]
    public void Interactive_UntilMonacoHasLoaded_KeepsTheReadOnlyText()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        JSInterop.Setup<string?>("opsCodeEditor.whenReady", _ => true); // never answers

        var cut = Render<CodeEditor>(p => p.Add(x => x.Id, "job-script").Add(x => x.Value, Script));

        Assert.Single(JSInterop.Invocations["opsCodeEditor.whenReady"]);
        Assert.Equal(Script, cut.Find("pre").TextContent);
        Assert.Empty(JSInterop.Invocations["opsCodeEditor.create"]);
    }

    [Fact]
    public void Interactive_CreatesMonacoWithTheTextLanguageAndTheme()
    {
        var cut = RenderLive(p => p
            .Add(x => x.Value, "SELECT 1;")
            .Add(x => x.Language, "sql")
            .Add(x => x.Label, "Query"));

        Assert.Equal("true", cut.Find("#job-script").GetAttribute("data-editor-ready"));
        Assert.Single(cut.FindAll("#job-script-monaco"));
        Assert.Empty(cut.FindAll("pre"));
        Assert.Equal("Query", cut.Find("#job-script-label").TextContent);

        var create = Assert.Single(JSInterop.Invocations["opsCodeEditor.create"]);
        Assert.Equal("job-script", create.Arguments[0]);
        Assert.Equal("job-script-monaco", create.Arguments[1]);
        var options = Assert.IsType<JsonElement>(create.Arguments[2]);
        Assert.Equal("SELECT 1;", options.GetProperty("value").GetString());
        Assert.Equal("sql", options.GetProperty("language").GetString());
        Assert.Equal("vs-dark", options.GetProperty("theme").GetString());
        Assert.Equal("Query", options.GetProperty("ariaLabel").GetString());
        Assert.False(options.GetProperty("readOnly").GetBoolean());
        Assert.True(options.GetProperty("automaticLayout").GetBoolean());
        Assert.Equal("on", options.GetProperty("lineNumbers").GetString());
        Assert.False(options.GetProperty("minimap").GetProperty("enabled").GetBoolean());
        Assert.False(options.TryGetProperty("model", out _)); // unset options are left to Monaco
        Assert.IsType<DotNetObjectReference<CodeEditor>>(create.Arguments[3]);
    }

    [Fact]
    public async Task Edits_RaiseValueChanged_InOrder_AndNotForEchoes()
    {
        var changes = new List<string?>();
        var cut = RenderLive(p => p
            .Add(x => x.Value, "a")
            .Add(x => x.ValueChanged, EventCallback.Factory.Create<string?>(this, changes.Add)));

        await cut.InvokeAsync(() => cut.Instance.OnEditorText(1, "ab"));
        await cut.InvokeAsync(() => cut.Instance.OnEditorText(3, "abcd"));
        await cut.InvokeAsync(() => cut.Instance.OnEditorText(2, "abc")); // arrived late: older than 3
        await cut.InvokeAsync(() => cut.Instance.OnEditorText(4, "abcd")); // same text again

        Assert.Equal(["ab", "abcd"], changes);
    }

    [Fact]
    public async Task NewValueFromTheParent_ReplacesTheText_ButTheEditorsOwnValueDoesNot()
    {
        var cut = RenderLive(p => p.Add(x => x.Value, "echo 1"));

        cut.Render(p => p.Add(x => x.Value, "echo 2"));
        var setValue = Assert.Single(JSInterop.Invocations["blazorMonaco.editor.setValue"]);
        Assert.Equal("job-script-monaco", setValue.Arguments[0]);
        Assert.Equal("echo 2", setValue.Arguments[1]);

        // What the editor reported comes back through @bind-Value: no round trip to the browser.
        await cut.InvokeAsync(() => cut.Instance.OnEditorText(1, "echo 3"));
        cut.Render(p => p.Add(x => x.Value, "echo 3"));
        Assert.Single(JSInterop.Invocations["blazorMonaco.editor.setValue"]);
    }

    [Fact]
    public void ReadOnlyAndLanguageChanges_ReachTheEditor()
    {
        var cut = RenderLive(p => p.Add(x => x.Value, "{}").Add(x => x.Language, "json"));

        cut.Render(p => p.Add(x => x.ReadOnly, true).Add(x => x.Language, "python"));

        Assert.Equal("true", cut.Find("#job-script").GetAttribute("data-readonly"));
        var update = Assert.Single(JSInterop.Invocations["blazorMonaco.editor.updateOptions"]);
        Assert.Equal("job-script-monaco", update.Arguments[0]);
        var options = Assert.IsType<JsonElement>(update.Arguments[1]);
        Assert.True(options.GetProperty("readOnly").GetBoolean());
        var language = Assert.Single(JSInterop.Invocations["opsCodeEditor.setLanguage"]);
        Assert.Equal(["job-script", "python"], language.Arguments);
    }

    [Fact]
    public void ReadOnlyFromTheStart_IsACreationOption()
    {
        RenderLive(p => p.Add(x => x.Value, "x").Add(x => x.ReadOnly, true));

        var options = Assert.IsType<JsonElement>(Assert.Single(JSInterop.Invocations["opsCodeEditor.create"]).Arguments[2]);
        Assert.True(options.GetProperty("readOnly").GetBoolean());
        Assert.Empty(JSInterop.Invocations["blazorMonaco.editor.updateOptions"]);
    }

    [Fact]
    public async Task Dispose_RemovesTheEditorFromThePage()
    {
        var cut = RenderLive(p => p.Add(x => x.Value, "x"));

        await cut.Instance.DisposeAsync();

        var dispose = Assert.Single(JSInterop.Invocations["opsCodeEditor.dispose"]);
        Assert.Equal(["job-script", "job-script-monaco"], dispose.Arguments);
    }

    private IRenderedComponent<CodeEditor> RenderLive(Action<ComponentParameterCollectionBuilder<CodeEditor>> parameters)
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        JSInterop.Setup<string?>("opsCodeEditor.whenReady", _ => true).SetResult("vs-dark");
        JSInterop.Setup<bool>("opsCodeEditor.create", _ => true).SetResult(true);
        var cut = Render<CodeEditor>(p =>
        {
            p.Add(x => x.Id, "job-script");
            parameters(p);
        });
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("#job-script").GetAttribute("data-editor-ready")));
        return cut;
    }
}
