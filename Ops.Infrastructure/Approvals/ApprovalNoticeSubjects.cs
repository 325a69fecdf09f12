using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ops.Domain.Approvals;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Approvals;

/// <summary>What notices say about their applications: the template variables of many instances, in one query.</summary>
internal static class ApprovalNoticeSubjects
{
    public static async Task<Dictionary<long, IReadOnlyDictionary<string, string?>>> LoadAsync(
        IServiceProvider services, IReadOnlyList<long> instanceIds, CancellationToken cancellationToken)
    {
        var ids = instanceIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        await using var db = await services.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync(cancellationToken);
        var instances = await (from i in db.ApprovalInstances
                               where ids.Contains(i.Id)
                               join u in db.Users on i.ApplicantId equals u.Id into applicants
                               from u in applicants.DefaultIfEmpty()
                               select new { i.Id, i.Title, i.DefinitionCode, Applicant = u == null ? null : u.RealName ?? u.UserName }).ToListAsync(cancellationToken);
        return instances.ToDictionary(i => i.Id, i => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?>
        {
            ["title"] = i.Title,
            ["applicant"] = i.Applicant,
            ["definition"] = i.DefinitionCode,
            ["link"] = ApprovalNoticeRules.Link(i.Id),
        });
    }
}
