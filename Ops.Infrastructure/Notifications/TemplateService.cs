using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ops.Domain.Audit;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Domain.Notifications;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Notifications;

internal sealed class TemplateService(IDbContextFactory<OpsDbContext> factory, IPermissionGuard guard, IAuditTrail audit) : ITemplateService
{
    private static readonly SortMap<MessageTemplate> Sorts = new SortMap<MessageTemplate>(x => x.Id)
        .Add("code", t => t.Code)
        .Add("name", t => t.Name)
        .Add("updatedAt", t => t.UpdatedAt)
        .Default("code");

    public async Task<PagedResult<TemplateRow>> ListAsync(MessageChannel? channel, PageRequest page, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(NotificationPermissions.Templates.View, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var query = db.MessageTemplates.AsNoTracking();
        if (channel is { } c)
        {
            query = query.Where(t => t.Channel == c);
        }

        if (page.Normalized().Search is { } search)
        {
            query = query.Where(t => t.Code.Contains(search) || t.Name.Contains(search));
        }

        var result = await query.ToPagedResultAsync(page, Sorts, cancellationToken);
        return new PagedResult<TemplateRow>(
            result.Items.Select(t => new TemplateRow(t.Id, t.Code, t.Name, t.Channel, t.Enabled, !string.IsNullOrWhiteSpace(t.ContentEn), t.UpdatedAt, t.Version)).ToList(),
            result.TotalCount, result.Page, result.PageSize);
    }

    public async Task<Result<TemplateDetail>> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(NotificationPermissions.Templates.View, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var template = await db.MessageTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        return template is null ? Error.NotFound("message.template.not_found") : new TemplateDetail(template.Id, ToInput(template), template.Version);
    }

    public async Task<Result<long>> CreateAsync(TemplateInput input, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(NotificationPermissions.Templates.Edit, cancellationToken);
        if (TemplateRules.Validate(input) is { IsFailure: true } invalid)
        {
            return invalid.Error!;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var template = new MessageTemplate(input.Code.Trim());
        Apply(template, input);
        db.MessageTemplates.Add(template);
        if (await db.MessageTemplates.IgnoreQueryFilters().AnyAsync(t => t.Code == template.Code, cancellationToken) || !await UniqueViolation.TrySaveAsync(db, cancellationToken))
        {
            return Error.Conflict("message.template.code_taken", template.Code).On("field.code");
        }

        await Record("template.create", template.Id, cancellationToken);
        return template.Id;
    }

    public async Task<Result> UpdateAsync(long id, TemplateInput input, int version, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(NotificationPermissions.Templates.Edit, cancellationToken);
        if (TemplateRules.Validate(input) is { IsFailure: true } invalid)
        {
            return invalid;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var template = await db.MessageTemplates.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (template is null)
        {
            return Error.NotFound("message.template.not_found");
        }

        if (template.Code != input.Code.Trim())
        {
            return Error.Invalid("message.template.code_fixed");
        }

        db.Entry(template).Property(t => t.Version).OriginalValue = version;
        Apply(template, input);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("common.concurrency_conflict", "template");
        }

        await Record("template.update", id, cancellationToken);
        return Result.Success();
    }

    public async Task<Result> DeleteAsync(long id, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(NotificationPermissions.Templates.Delete, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var template = await db.MessageTemplates.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (template is null)
        {
            return Error.NotFound("message.template.not_found");
        }

        db.MessageTemplates.Remove(template);
        await db.SaveChangesAsync(cancellationToken);
        await Record("template.delete", id, cancellationToken);
        return Result.Success();
    }

    public Result<RenderedMessage> Preview(TemplateInput input, IReadOnlyDictionary<string, string?>? values = null, bool english = false)
    {
        if (TemplateRules.Validate(input) is { IsFailure: true } invalid)
        {
            return invalid.Error!;
        }

        var samples = values ?? input.Parameters.ToDictionary(p => p.Name, p => (string?)(p.Sample ?? $"${{{p.Name}}}"), StringComparer.Ordinal);
        return TemplateRules.Render(input, samples, english);
    }

    internal static TemplateInput ToInput(MessageTemplate t) => new(
        t.Code, t.Name, t.Channel, t.Subject, t.Content, t.SubjectEn, t.ContentEn,
        JsonSerializer.Deserialize<List<TemplateParameter>>(t.Parameters) ?? [], t.Enabled);

    private static void Apply(MessageTemplate template, TemplateInput input)
    {
        template.Name = input.Name.Trim();
        template.Channel = input.Channel;
        template.Subject = string.IsNullOrWhiteSpace(input.Subject) ? null : input.Subject.Trim();
        template.Content = input.Content;
        template.SubjectEn = string.IsNullOrWhiteSpace(input.SubjectEn) ? null : input.SubjectEn.Trim();
        template.ContentEn = string.IsNullOrWhiteSpace(input.ContentEn) ? null : input.ContentEn;
        template.Parameters = JsonSerializer.Serialize(input.Parameters);
        template.Enabled = input.Enabled;
    }

    private Task Record(string action, long id, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditEntry("message", action, "template", id.ToString(CultureInfo.InvariantCulture)), cancellationToken);
}
