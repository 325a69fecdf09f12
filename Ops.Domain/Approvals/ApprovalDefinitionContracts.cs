using Ops.Domain.Common;

namespace Ops.Domain.Approvals;

/// <summary>A definition in the designer's list.</summary>
public sealed record DefinitionRow(
    long Id,
    string Code,
    string Name,
    string? Category,
    string? Description,
    DefinitionStatus Status,
    int? LatestVersion,
    DateTimeOffset? PublishedAt,
    int RunningInstances,
    DateTimeOffset UpdatedAt,
    int Version);

public sealed record DefinitionFilter(string? Search = null, DefinitionStatus? Status = null, string? Category = null);

/// <summary>Name, category and description of a definition (the code is set once, at creation).</summary>
public sealed record DefinitionInput(string Code, string Name, string? Category = null, string? Description = null);

/// <summary>
/// Where final states are posted. The secret is write-only: leave <see cref="Secret"/> null to keep the stored
/// one; the detail only says whether one is set.
/// </summary>
public sealed record CallbackInput(bool Enabled, string? Url, string? Secret);

/// <summary>One delivery of a final state to the business system, as the callback settings show it.</summary>
public sealed record CallbackRow(
    long Id, long InstanceId, string InstanceTitle, CallbackKind Kind, string Target, CallbackStatus Status, int Attempts, string? LastError,
    DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? DeliveredAt);

public sealed record PublishedVersionRow(int Number, DateTimeOffset PublishedAt, long? PublishedBy, string? PublishedByName, int Instances);

/// <summary>Everything the designer edits: the draft process and form, and the versions published so far.</summary>
public sealed record DefinitionDetail(
    long Id,
    string Code,
    string Name,
    string? Category,
    string? Description,
    DefinitionStatus Status,
    ApprovalProcess DraftProcess,
    ApprovalForm DraftForm,
    bool CallbackEnabled,
    string? CallbackUrl,
    bool CallbackSecretSet,
    IReadOnlyList<PublishedVersionRow> Versions,
    int Version);

/// <summary>What an applicant may start: the latest published version's form and the route it will take.</summary>
public sealed record ApplicableDefinition(long Id, string Code, string Name, string? Category, string? Description, int VersionNumber, ApprovalForm Form, ApprovalProcess Process);

/// <summary>Designing, publishing and retiring approval types. Edit, publish and delete each need their own permission.</summary>
public interface IApprovalDefinitionService
{
    Task<PagedResult<DefinitionRow>> ListAsync(DefinitionFilter filter, PageRequest page, CancellationToken cancellationToken = default);

    Task<Result<DefinitionDetail>> GetAsync(long id, CancellationToken cancellationToken = default);

    Task<Result<long>> CreateAsync(DefinitionInput input, CancellationToken cancellationToken = default);

    Task<Result> DescribeAsync(long id, DefinitionInput input, int version, CancellationToken cancellationToken = default);

    /// <summary>Saves the draft process and form; nothing is checked until publish (a half-drawn process can be kept).</summary>
    Task<Result<int>> SaveDesignAsync(long id, ApprovalProcess process, ApprovalForm form, int version, CancellationToken cancellationToken = default);

    /// <summary>Every problem of a process and form, without saving (the designer's live check).</summary>
    IReadOnlyList<ApprovalProblem> Validate(ApprovalProcess process, ApprovalForm form);

    /// <summary>Freezes the draft as the next version. Fails with the first problem; nothing is published then.</summary>
    Task<Result<int>> PublishAsync(long id, CancellationToken cancellationToken = default);

    Task<Result> ArchiveAsync(long id, CancellationToken cancellationToken = default);

    Task<Result> RestoreAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Only a definition no application was ever made on can be deleted; archive the others.</summary>
    Task<Result> DeleteAsync(long id, CancellationToken cancellationToken = default);

    Task<Result> SetCallbackAsync(long id, CallbackInput input, CancellationToken cancellationToken = default);

    /// <summary>The latest deliveries of final states (HTTP callbacks and hooks) of the definition's applications, newest first.</summary>
    Task<IReadOnlyList<CallbackRow>> CallbacksAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Sends a failed delivery again (needs edit).</summary>
    Task<Result> RetryCallbackAsync(long callbackId, CancellationToken cancellationToken = default);

    /// <summary>The published definitions the caller may apply for.</summary>
    Task<IReadOnlyList<ApplicableDefinition>> ApplicableAsync(CancellationToken cancellationToken = default);

    Task<Result<ApplicableDefinition>> ApplicableAsync(string code, CancellationToken cancellationToken = default);
}
