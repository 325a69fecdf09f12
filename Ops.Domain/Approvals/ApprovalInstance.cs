using System.Text.Json;
using Ops.Domain.Common;

namespace Ops.Domain.Approvals;

/// <summary>
/// One application going through an approval process. It carries a copy of the process and form of the
/// definition version it started on, so later versions never change a running application. Every action
/// writes an <see cref="ApprovalRecord"/> and touches <see cref="LastActionAt"/>, so the row's
/// <see cref="Version"/> (optimistic concurrency) makes exactly one of two simultaneous actions count.
/// Actions return a <see cref="Result{T}"/> of <see cref="ApprovalOutcome"/>; a failed action changes nothing.
/// </summary>
public sealed partial class ApprovalInstance : Entity, IVersioned
{
    public const int TitleMaxLength = 200;
    public const int BusinessTypeMaxLength = 64;
    public const int BusinessIdMaxLength = 128;
    public const int CommentMaxLength = 2000;
    public const int MaxAttachments = 20;

    /// <summary>The applicant may urge once per interval per instance.</summary>
    public static readonly TimeSpan UrgeInterval = TimeSpan.FromMinutes(10);

    private readonly List<ApprovalTask> _tasks = [];
    private readonly List<ApprovalRecord> _records = [];
    private readonly List<ApprovalCc> _ccs = [];
    private ProcessGraph? _graph;

    private ApprovalInstance()
    {
    }

    public long DefinitionId { get; private set; }

    public string DefinitionCode { get; private set; } = "";

    /// <summary>The definition version this instance started on and keeps.</summary>
    public int VersionNumber { get; private set; }

    public ApprovalProcess Process { get; private set; } = ApprovalProcess.Empty;

    public ApprovalForm Form { get; private set; } = ApprovalForm.Empty;

    public string Title { get; private set; } = "";

    /// <summary>The business system the application belongs to (e.g. <c>config.change</c>) and its key there.</summary>
    public string? BusinessType { get; private set; }

    public string? BusinessId { get; private set; }

    public IReadOnlyDictionary<string, JsonElement> FormData { get; private set; } = new Dictionary<string, JsonElement>();

    public ApprovalUrgency Urgency { get; private set; }

    public long ApplicantId { get; private set; }

    /// <summary>The approval node being decided; the end node once approved; the start node while returned.</summary>
    public string? CurrentNodeKey { get; private set; }

    public ApprovalStatus Status { get; private set; }

    /// <summary>A draft because an approver sent it back: the applicant may edit and resubmit, or withdraw.</summary>
    public bool IsReturned { get; private set; }

    /// <summary>An approver acted since the last submission: the applicant can no longer withdraw.</summary>
    public bool ApproverActed { get; private set; }

    /// <summary>Counts node activations; the tasks of the current one carry the same number.</summary>
    public int Round { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public DateTimeOffset LastActionAt { get; private set; }

    public DateTimeOffset? LastUrgedAt { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<ApprovalTask> Tasks => _tasks;

    /// <summary>
    /// The records loaded with the instance and those written since. An action loads none of the history (the
    /// numbers come from <see cref="RecordCount"/>), so there it holds only the action's own records.
    /// </summary>
    public IReadOnlyList<ApprovalRecord> Records => _records;

    /// <summary>How many records the instance has written; the next one gets this number plus one.</summary>
    public int RecordCount { get; private set; }

    public IReadOnlyList<ApprovalCc> Ccs => _ccs;

    public bool IsFinal => Status is ApprovalStatus.Approved or ApprovalStatus.Rejected or ApprovalStatus.Cancelled or ApprovalStatus.Withdrawn;

    public IEnumerable<ApprovalTask> PendingTasks => _tasks.Where(t => t.Status == ApprovalTaskStatus.Pending);

    /// <summary>The node keys from start to end the current form data takes (for the diagram: done, current, to come).</summary>
    public IReadOnlyList<string> PlannedRoute => Graph.Route(FormData);

    /// <summary>A draft application on the latest published version of <paramref name="definition"/>.</summary>
    public static Result<ApprovalInstance> Draft(ApprovalDefinition definition, long applicantId, ApprovalApplication application, DateTimeOffset now)
    {
        if (definition.Status != DefinitionStatus.Published || definition.LatestVersion is not { } version)
        {
            return Error.Conflict(ApprovalErrors.NotPublished, definition.Code);
        }

        var instance = new ApprovalInstance
        {
            DefinitionId = definition.Id,
            DefinitionCode = definition.Code,
            VersionNumber = version.Number,
            Process = version.Process,
            Form = version.Form,
            ApplicantId = applicantId,
            CreatedAt = now,
            LastActionAt = now,
        };
        var filled = instance.Fill(application);
        return filled.IsFailure ? filled.Error! : instance;
    }

    /// <summary>The applicant changes a draft (new or returned) before submitting it.</summary>
    public Result EditDraft(long by, ApprovalApplication application, DateTimeOffset now)
    {
        if (by != ApplicantId)
        {
            return Error.Forbidden(ApprovalErrors.NotApplicant);
        }

        if (Status != ApprovalStatus.Draft)
        {
            return Error.Conflict(ApprovalErrors.NotDraft);
        }

        var filled = Fill(application);
        if (filled.IsSuccess)
        {
            LastActionAt = now;
        }

        return filled;
    }

    /// <summary>The user's copies become read; an error when they have none.</summary>
    public Result MarkCcRead(long userId, DateTimeOffset now)
    {
        var mine = _ccs.Where(c => c.UserId == userId).ToList();
        if (mine.Count == 0)
        {
            return Error.NotFound(ApprovalErrors.CcNotFound);
        }

        mine.ForEach(c => c.MarkRead(now));
        return Result.Success();
    }

    /// <summary>What approvers of the current node may do with a field (hidden fields are not shown to them).</summary>
    public FieldAccess AccessOf(string field) =>
        CurrentNodeKey is { } key && Graph.Contains(key) && Graph.Node(key) is ApprovalNode node ? node.AccessOf(field) : FieldAccess.Read;

    private Result Fill(ApprovalApplication application)
    {
        var title = TextRules.Required(application.Title, TitleMaxLength, "field.title");
        var type = TextRules.Optional(application.BusinessType, BusinessTypeMaxLength, "field.business_type");
        var id = TextRules.Optional(application.BusinessId, BusinessIdMaxLength, "field.business_id");
        if (new Result[] { title, type, id }.FirstOrDefault(r => r.IsFailure) is { } failed)
        {
            return failed;
        }

        (Title, BusinessType, BusinessId, Urgency) = (title.Value, type.Value, id.Value, application.Urgency);
        FormData = FormValues.Copy(application.FormData);
        return Result.Success();
    }

    private ApprovalRecord Write(ApprovalAction action, long? actor, string? nodeKey, DateTimeOffset now)
    {
        var record = new ApprovalRecord(++RecordCount, action, actor, nodeKey, now);
        _records.Add(record);
        LastActionAt = now;
        return record;
    }

    /// <summary>Reject, return and terminate must say why: the applicant sees the reason, not only the verdict.</summary>
    private static Result<string?> CheckReason(string? reason)
    {
        var text = CheckComment(reason);
        return text is { IsSuccess: true, Value: null } ? Error.Invalid(ApprovalErrors.ReasonRequired) : text;
    }

    private static Result<string?> CheckComment(string? comment)
    {
        var text = comment?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return Result<string?>.Success(null);
        }

        return text.Length > CommentMaxLength ? Error.Invalid(ApprovalErrors.CommentTooLong, CommentMaxLength) : Result<string?>.Success(text);
    }
}
