using Ops.Domain.Common;

namespace Ops.Domain.Approvals;

/// <summary>A stored file as forms and timelines refer to it: <see cref="Id"/> is its key.</summary>
public sealed record ApprovalFileInfo(string Id, string Name, long Size, string ContentType);

public sealed record ApprovalFileContent(ApprovalFileInfo Info, byte[] Content);

/// <summary>Files of attachment fields and comments: uploaded by the signed-in user, read under the application's visibility.</summary>
public interface IApprovalFileService
{
    Task<Result<ApprovalFileInfo>> UploadAsync(string fileName, string? contentType, Stream content, CancellationToken cancellationToken = default);

    /// <summary>The file, for its uploader, holders of view_all, and those who may see an application that refers to it and that its uploader took part in.</summary>
    Task<Result<ApprovalFileContent>> OpenAsync(string id, CancellationToken cancellationToken = default);
}
