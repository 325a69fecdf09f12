using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using BlazorMonaco.Editor;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Ops.Portal.Components.Shared;

/// <summary>A completion the editor offers: the word, <c>table</c> or <c>column</c>, and a detail (a column's type and table).</summary>
public sealed record CodeCompletion(string Label, string Kind, string? Detail);

/// <summary>
/// A code editor for scripts on the Monaco editor that the BlazorMonaco package ships (served from
/// _content/BlazorMonaco, see App.razor). Supports <c>@bind-Value</c>: every edit raises
/// <see cref="ValueChanged"/>, and a new <see cref="Value"/> from the parent replaces the text.
/// </summary>
/// <remarks>
/// BlazorMonaco's own components are not used: in BlazorMonaco 3.0.0 <c>StandaloneCodeEditor</c> creates
/// its editor through a static <see cref="IJSRuntime"/> that every editor instance overwrites, so on
/// Blazor Server the create call (with the script text) can go to another user's circuit. This
/// component drives BlazorMonaco's JavaScript (<c>blazorMonaco.editor.*</c>) and the portal's
/// <c>js/code-editor.js</c> through its own circuit's runtime instead.
/// </remarks>
public sealed partial class CodeEditor : IAsyncDisposable
{
    /// <summary>The longest text taken from the browser (UTF-8); longer edits are ignored and logged.</summary>
    internal const long MaxTextBytes = 4 * 1024 * 1024;

    private const int ReadyTimeoutMs = 30_000;

    private static readonly JsonSerializerOptions MonacoJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly string _generatedId = "code-editor-" + Guid.NewGuid().ToString("N")[..12];
    private DotNetObjectReference<CodeEditor>? _self;

    // Monaco's theme once Monaco has loaded in the browser; until then the text shows in a <pre>.
    private string? _theme;
    private bool _creating;
    private bool _created;
    private bool _disposed;

    // The text the editor holds as far as the server knows, and the options it was last given.
    private string _editorText = "";
    private string _editorLanguage = "";
    private bool _editorReadOnly;
    private IReadOnlyList<CodeCompletion>? _completions;
    private long _receivedVersion;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private ILogger<CodeEditor> Logger { get; set; } = default!;

    [Parameter]
    public string? Value { get; set; }

    [Parameter]
    public EventCallback<string?> ValueChanged { get; set; }

    /// <summary>Monaco language id: "shell", "python", "sql", "json" or "plaintext".</summary>
    [Parameter]
    public string Language { get; set; } = "shell";

    [Parameter]
    public string Height { get; set; } = "280px";

    [Parameter]
    public bool ReadOnly { get; set; }

    /// <summary>Words offered as completions (a query's tables and columns); null: none.</summary>
    [Parameter]
    public IReadOnlyList<CodeCompletion>? Completions { get; set; }

    /// <summary>Shown above the editor like a MudBlazor field label.</summary>
    [Parameter]
    public string? Label { get; set; }

    /// <summary>The container's DOM id and data-testid; one is generated when null.</summary>
    [Parameter]
    public string? Id { get; set; }

    private string ContainerId => Id ?? _generatedId;

    private string MonacoId => ContainerId + "-monaco";

    protected override async Task OnParametersSetAsync()
    {
        if (_created)
        {
            await SyncEditorAsync();
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_disposed || !RendererInfo.IsInteractive)
        {
            return;
        }

        if (firstRender)
        {
            await WaitForMonacoAsync();
        }
        else if (_theme is not null && !_creating)
        {
            _creating = true;
            await CreateEditorAsync();
        }
    }

    /// <summary>Called by js/code-editor.js after each edit, in order of <paramref name="version"/>.</summary>
    [JSInvokable]
    public Task OnEditorText(long version, string? text) => TakeEditorTextAsync(version, text ?? "");

    /// <summary>As <see cref="OnEditorText"/>, for texts too long for one SignalR message.</summary>
    [JSInvokable]
    public async Task OnEditorTextStream(long version, IJSStreamReference text)
    {
        ArgumentNullException.ThrowIfNull(text);
        await using (text)
        {
            string value;
            try
            {
                await using var stream = await text.OpenReadStreamAsync(MaxTextBytes);
                using var reader = new StreamReader(stream, Encoding.UTF8);
                value = await reader.ReadToEndAsync();
            }
            catch (ArgumentOutOfRangeException ex)
            {
                Logger.LogWarning(ex, "Code editor {Id}: the text is over {Max} bytes; the edit is not taken.", ContainerId, MaxTextBytes);
                return;
            }

            await TakeEditorTextAsync(version, value);
        }
    }

    private async Task TakeEditorTextAsync(long version, string text)
    {
        // Streamed texts can arrive after later inline ones; an echo of a value set from outside is no edit.
        if (_disposed || version <= _receivedVersion)
        {
            return;
        }

        _receivedVersion = version;
        if (string.Equals(text, _editorText, StringComparison.Ordinal))
        {
            return;
        }

        _editorText = text;
        await ValueChanged.InvokeAsync(text);
    }

    private async Task WaitForMonacoAsync()
    {
        try
        {
            _theme = await JS.InvokeAsync<string?>("opsCodeEditor.whenReady", ReadyTimeoutMs);
        }
        catch (JSException ex)
        {
            Logger.LogWarning(ex, "Code editor {Id}: Monaco did not load; the text stays read-only.", ContainerId);
            return;
        }
        catch (JSDisconnectedException)
        {
            return;
        }

        if (_theme is not null && !_disposed)
        {
            StateHasChanged();
        }
    }

    private async Task CreateEditorAsync()
    {
        _self ??= DotNetObjectReference.Create(this);
        _editorText = Value ?? "";
        _editorLanguage = Language;
        _editorReadOnly = ReadOnly;
        var options = new StandaloneEditorConstructionOptions
        {
            Value = _editorText,
            Language = Language,
            Theme = _theme,
            ReadOnly = ReadOnly,
            AriaLabel = Label,
            AutomaticLayout = true,
            LineNumbers = "on",
            Minimap = new EditorMinimapOptions { Enabled = false },
            ScrollBeyondLastLine = false,
            FontSize = 13,
        };
        _receivedVersion = 0;
        try
        {
            _created = await JS.InvokeAsync<bool>("opsCodeEditor.create", ContainerId, MonacoId, ToMonaco(options), _self);
        }
        catch (JSDisconnectedException)
        {
            return;
        }

        if (_created && !_disposed)
        {
            // The parent may have changed something while the editor was being created.
            await SyncEditorAsync();
            StateHasChanged();
        }
    }

    private async Task SyncEditorAsync()
    {
        var value = Value ?? "";
        if (!string.Equals(value, _editorText, StringComparison.Ordinal))
        {
            _editorText = value;
            await JS.InvokeVoidAsync("blazorMonaco.editor.setValue", MonacoId, value);
        }

        if (!string.Equals(Language, _editorLanguage, StringComparison.Ordinal))
        {
            _editorLanguage = Language;
            await JS.InvokeVoidAsync("opsCodeEditor.setLanguage", ContainerId, Language);
        }

        if (ReadOnly != _editorReadOnly)
        {
            _editorReadOnly = ReadOnly;
            await JS.InvokeVoidAsync("blazorMonaco.editor.updateOptions", MonacoId, ToMonaco(new EditorUpdateOptions { ReadOnly = ReadOnly }));
        }

        if (!ReferenceEquals(Completions, _completions))
        {
            _completions = Completions;
            await JS.InvokeVoidAsync("opsCodeEditor.setCompletions", ContainerId, Language, Completions ?? []);
        }
    }

    /// <summary>Types <paramref name="text"/> at the cursor, as the user would; false before the editor is live or when read-only.</summary>
    public async Task<bool> InsertAsync(string text)
    {
        if (!_created || _disposed)
        {
            return false;
        }

        try
        {
            return await JS.InvokeAsync<bool>("opsCodeEditor.insert", ContainerId, text);
        }
        catch (JSDisconnectedException)
        {
            return false;
        }
    }

    // Monaco takes options as a plain object: camelCase names, unset options left out (as BlazorMonaco does).
    private static JsonElement ToMonaco<TOptions>(TOptions options) => JsonSerializer.SerializeToElement(options, MonacoJson);

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        if (_theme is not null)
        {
            try
            {
                await JS.InvokeVoidAsync("opsCodeEditor.dispose", ContainerId, MonacoId);
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone, and the page with its editor.
            }
        }

        _self?.Dispose();
    }
}
