namespace Ops.Portal.Localization;

/// <summary>Marker for the portal's own texts: UiText.resx (English) and UiText.zh-CN.resx.</summary>
public sealed class UiText;

/// <summary>Marker for MudBlazor's texts in Chinese: MudBlazorText.zh-CN.resx.</summary>
public sealed class MudBlazorText;
