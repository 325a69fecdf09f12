namespace Ops.Domain.Common;

/// <summary>
/// An expected failure. <see cref="Code"/> is a stable key the UI localizes; <see cref="Args"/>
/// fill the placeholders of the localized text.
/// </summary>
public sealed record Error(string Code, ErrorKind Kind, params object[] Args)
{
    public static Error NotFound(string code, params object[] args) => new(code, ErrorKind.NotFound, args);
    public static Error Conflict(string code, params object[] args) => new(code, ErrorKind.Conflict, args);
    public static Error Invalid(string code, params object[] args) => new(code, ErrorKind.Validation, args);
    public static Error Forbidden(string code, params object[] args) => new(code, ErrorKind.Forbidden, args);

    /// <summary>
    /// The form field the error is about, named by the resource key of its label (<c>field.name</c>, <c>job.timeout</c>), so
    /// a page can show it on that field. Set with <see cref="On"/>; otherwise the first <c>field.*</c> argument names it.
    /// </summary>
    public string? Field
    {
        get => _field ?? Args.OfType<string>().FirstOrDefault(a => a.StartsWith("field.", StringComparison.Ordinal));
        init => _field = value;
    }

    private readonly string? _field;

    /// <summary>The same error, about the field whose label key is <paramref name="field"/>.</summary>
    public Error On(string field) => this with { Field = field };

    public override string ToString() => Args.Length == 0 ? Code : $"{Code}({string.Join(", ", Args)})";
}

public enum ErrorKind
{
    Validation,
    NotFound,
    Conflict,
    Forbidden,
}
