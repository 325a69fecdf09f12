using Ops.Domain.Common;

namespace Ops.Domain.Approvals;

/// <summary>
/// An approval type people apply for (leave, purchase, access, …). The designer edits a draft process and
/// form; <see cref="Publish"/> freezes them as a new <see cref="ApprovalDefinitionVersion"/>. Instances start
/// on the latest version and keep it. The code is unique (a database index guards that).
/// </summary>
public sealed class ApprovalDefinition : AuditableEntity, IVersioned, IChangeTracked
{
    public const int CodeMaxLength = 64;
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 500;
    public const int CategoryMaxLength = 50;
    public const int CallbackUrlMaxLength = 500;

    /// <summary>The label keys of the callback fields, named by refusals so the editor shows them on the field.</summary>
    public const string CallbackUrlField = "approval.designer.callback_url";

    public const string CallbackSecretField = "approval.designer.callback_secret";

    private readonly List<ApprovalDefinitionVersion> _versions = [];

    private ApprovalDefinition()
    {
    }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string? Description { get; private set; }

    public string? Category { get; private set; }

    public DefinitionStatus Status { get; private set; }

    /// <summary>The process being designed; published versions keep their own copy.</summary>
    public ApprovalProcess DraftProcess { get; private set; } = ApprovalProcess.Empty;

    public ApprovalForm DraftForm { get; private set; } = ApprovalForm.Empty;

    public int Version { get; private set; }

    /// <summary>Final states are posted (HMAC-signed) to <see cref="CallbackUrl"/> while enabled.</summary>
    public bool CallbackEnabled { get; private set; }

    public string? CallbackUrl { get; private set; }

    /// <summary>The signing secret, protected at rest by the caller (Data Protection); never shown again.</summary>
    public string? CallbackSecretProtected { get; private set; }

    public IReadOnlyList<ApprovalDefinitionVersion> Versions => _versions;

    /// <summary>The version new instances start on, or null before the first publish.</summary>
    public ApprovalDefinitionVersion? LatestVersion => _versions.MaxBy(v => v.Number);

    public static Result<ApprovalDefinition> Create(string code, string name, string? category = null, string? description = null)
    {
        var checkedCode = TextRules.Code(code, CodeMaxLength, "field.code");
        if (checkedCode.IsFailure)
        {
            return checkedCode.Error!;
        }

        var definition = new ApprovalDefinition { Code = checkedCode.Value };
        var described = definition.Describe(name, category, description);
        return described.IsFailure ? described.Error! : definition;
    }

    public Result Describe(string name, string? category, string? description)
    {
        var checkedName = TextRules.Required(name, NameMaxLength, "field.name");
        var checkedCategory = TextRules.Optional(category, CategoryMaxLength, "field.category");
        var checkedDescription = TextRules.Optional(description, DescriptionMaxLength, "field.description");
        if (new Result[] { checkedName, checkedCategory, checkedDescription }.FirstOrDefault(r => r.IsFailure) is { } failed)
        {
            return failed;
        }

        (Name, Category, Description) = (checkedName.Value, checkedCategory.Value, checkedDescription.Value);
        return Result.Success();
    }

    /// <summary>Saves the designer's work; nothing is checked until publish, so a half-drawn process can be kept.</summary>
    public Result Design(ApprovalProcess process, ApprovalForm form)
    {
        if (Status == DefinitionStatus.Archived)
        {
            return Error.Conflict(ApprovalErrors.DefinitionArchived, Code);
        }

        (DraftProcess, DraftForm) = (process, form);
        return Result.Success();
    }

    /// <summary>Every problem of the draft process and form.</summary>
    public IReadOnlyList<ApprovalProblem> ValidateDraft() =>
        [.. FormDesignRules.Validate(DraftForm), .. ProcessRules.Validate(DraftProcess, DraftForm)];

    /// <summary>Freezes the draft as the next version; the first problem comes back as the error (see <see cref="ValidateDraft"/> for all).</summary>
    public Result<ApprovalDefinitionVersion> Publish(long? by, DateTimeOffset now)
    {
        if (Status == DefinitionStatus.Archived)
        {
            return Error.Conflict(ApprovalErrors.DefinitionArchived, Code);
        }

        if (ValidateDraft() is [var first, ..])
        {
            return Error.Invalid(first.Code, first.Args);
        }

        var version = new ApprovalDefinitionVersion(this, (LatestVersion?.Number ?? 0) + 1, DraftProcess, DraftForm, by, now);
        _versions.Add(version);
        Status = DefinitionStatus.Published;
        return version;
    }

    /// <summary>
    /// Where final states go. The URL must be absolute http(s); an enabled callback needs a secret, which
    /// <paramref name="protectedSecret"/> replaces when given (null keeps the stored one).
    /// </summary>
    public Result ConfigureCallback(bool enabled, string? url, string? protectedSecret)
    {
        var text = string.IsNullOrWhiteSpace(url) ? null : url.Trim();
        if (text is not null && (text.Length > CallbackUrlMaxLength || !Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            return Error.Invalid(ApprovalErrors.CallbackUrlInvalid).On(CallbackUrlField);
        }

        var secret = protectedSecret ?? CallbackSecretProtected;
        if (enabled && (text is null || secret is null))
        {
            return Error.Invalid(ApprovalErrors.CallbackIncomplete).On(text is null ? CallbackUrlField : CallbackSecretField);
        }

        (CallbackEnabled, CallbackUrl, CallbackSecretProtected) = (enabled, text, secret);
        return Result.Success();
    }

    /// <summary>No new instances; running ones finish on their version.</summary>
    public void Archive() => Status = DefinitionStatus.Archived;

    public void Restore() => Status = _versions.Count > 0 ? DefinitionStatus.Published : DefinitionStatus.Draft;
}

/// <summary>A published, frozen process and form. Instances refer to it by definition id and <see cref="Number"/> and carry copies.</summary>
public sealed class ApprovalDefinitionVersion : Entity
{
    private ApprovalDefinitionVersion()
    {
    }

    internal ApprovalDefinitionVersion(ApprovalDefinition definition, int number, ApprovalProcess process, ApprovalForm form, long? by, DateTimeOffset now)
    {
        Definition = definition;
        Number = number;
        Process = process;
        Form = form;
        PublishedBy = by;
        PublishedAt = now;
    }

    public long DefinitionId { get; private set; }

    public ApprovalDefinition? Definition { get; private set; }

    /// <summary>1, 2, … within the definition.</summary>
    public int Number { get; private set; }

    public ApprovalProcess Process { get; private set; } = ApprovalProcess.Empty;

    public ApprovalForm Form { get; private set; } = ApprovalForm.Empty;

    public long? PublishedBy { get; private set; }

    public DateTimeOffset PublishedAt { get; private set; }
}
