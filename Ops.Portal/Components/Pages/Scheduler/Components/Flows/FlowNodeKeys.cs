using System.Text;
using Ops.Domain.Scheduler.Flows;

namespace Ops.Portal.Components.Pages.Scheduler.Components.Flows;

/// <summary>
/// Readable node keys for the editor: made from the job name (ASCII letters, digits, '-' and '_', as the
/// flow validator and <c>${nodes.&lt;key&gt;.result}</c> references accept), unique in the flow
/// with a "-2", "-3" suffix, never longer than <see cref="JobFlowNode.KeyMaxLength"/>.
/// </summary>
internal static class FlowNodeKeys
{
    public static string Create(string jobName, long jobId, IEnumerable<string> taken)
    {
        var used = taken.ToHashSet(StringComparer.Ordinal);
        var stem = Stem(jobName);
        if (stem.Length == 0)
        {
            stem = $"job-{jobId}";
        }

        if (!used.Contains(stem))
        {
            return stem;
        }

        for (var n = 2; ; n++)
        {
            var suffix = "-" + n;
            var key = stem[..Math.Min(stem.Length, JobFlowNode.KeyMaxLength - suffix.Length)].TrimEnd('-') + suffix;
            if (!used.Contains(key))
            {
                return key;
            }
        }
    }

    /// <summary>Lower-case letters and digits of the name, other runs of characters as one '-'.</summary>
    public static string Stem(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name.Trim())
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '_')
            {
                text.Append(char.ToLowerInvariant(c));
            }
            else if (text.Length > 0 && text[^1] != '-')
            {
                text.Append('-');
            }

            if (text.Length >= JobFlowNode.KeyMaxLength)
            {
                break;
            }
        }

        return text.ToString().Trim('-');
    }
}
