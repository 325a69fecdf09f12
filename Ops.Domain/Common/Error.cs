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

    public override string ToString() => Args.Length == 0 ? Code : $"{Code}({string.Join(", ", Args)})";
}

public enum ErrorKind
{
    Validation,
    NotFound,
    Conflict,
    Forbidden,
}
