using Ops.Domain.Common;

namespace Ops.Domain.Notifications;

public sealed record TemplateInput(
    string Code, string Name, MessageChannel Channel, string? Subject, string Content, string? SubjectEn, string? ContentEn,
    IReadOnlyList<TemplateParameter> Parameters, bool Enabled);

public sealed record TemplateRow(long Id, string Code, string Name, MessageChannel Channel, bool Enabled, bool HasEnglish, DateTimeOffset UpdatedAt, int Version);

public sealed record TemplateDetail(long Id, TemplateInput Input, int Version);

/// <summary>What a template renders to for one language.</summary>
public sealed record RenderedMessage(string? Subject, string Content);

/// <summary>Message templates: list, edit with checks, preview with sample values.</summary>
public interface ITemplateService
{
    Task<PagedResult<TemplateRow>> ListAsync(MessageChannel? channel, PageRequest page, CancellationToken cancellationToken = default);

    Task<Result<TemplateDetail>> GetAsync(long id, CancellationToken cancellationToken = default);

    Task<Result<long>> CreateAsync(TemplateInput input, CancellationToken cancellationToken = default);

    Task<Result> UpdateAsync(long id, TemplateInput input, int version, CancellationToken cancellationToken = default);

    Task<Result> DeleteAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Renders unsaved input with the given values (or the parameters' samples) — the editor's live preview.</summary>
    Result<RenderedMessage> Preview(TemplateInput input, IReadOnlyDictionary<string, string?>? values = null, bool english = false);
}

/// <summary>The checks a template must pass before it is saved; pure, shared by service and editor.</summary>
public static class TemplateRules
{
    public static Result Validate(TemplateInput input)
    {
        if (TextRules.Code(input.Code, MessageTemplate.CodeMaxLength, "field.code") is { IsFailure: true } code)
        {
            return code.Error!;
        }

        if (TextRules.Required(input.Name, MessageTemplate.NameMaxLength, "field.name") is { IsFailure: true } name)
        {
            return name.Error!;
        }

        if (TextRules.Required(input.Content, MessageTemplate.ContentMaxLength, "field.content") is { IsFailure: true } content)
        {
            return content.Error!;
        }

        if (input.Channel == MessageChannel.Email && string.IsNullOrWhiteSpace(input.Subject))
        {
            return Error.Invalid("common.required", "field.subject");
        }

        var names = input.Parameters.Select(p => p.Name).ToList();
        if (names.Any(n => !System.Text.RegularExpressions.Regex.IsMatch(n, "^[A-Za-z_][A-Za-z0-9_.]*$")) || names.Distinct(StringComparer.Ordinal).Count() != names.Count)
        {
            return Error.Invalid("message.template.parameter_invalid").On("template.parameters");
        }

        var undeclared = new[] { input.Subject, input.Content, input.SubjectEn, input.ContentEn }
            .SelectMany(text => TemplateRenderer.Undeclared(text ?? "", names)).Distinct(StringComparer.Ordinal).ToList();
        return undeclared.Count == 0 ? Result.Success() : Error.Invalid("message.template.undeclared_variables", string.Join(", ", undeclared)).On("field.content");
    }

    public static Result<RenderedMessage> Render(TemplateInput input, IReadOnlyDictionary<string, string?> values, bool english)
    {
        var useEnglish = english && !string.IsNullOrWhiteSpace(input.ContentEn);
        var escaping = MessageTemplate.EscapingFor(input.Channel);
        var subjectText = useEnglish ? input.SubjectEn ?? input.Subject : input.Subject;
        var content = TemplateRenderer.Render(useEnglish ? input.ContentEn! : input.Content, values, escaping);
        if (content.IsFailure)
        {
            return content.Error!;
        }

        // Subjects are plain text in every channel (the mail header is encoded by the sender).
        var subject = subjectText is null ? null : TemplateRenderer.Render(subjectText, values, TemplateEscaping.None);
        return subject is { IsFailure: true } ? subject.Error! : new RenderedMessage(subject?.Value, content.Value);
    }
}
