namespace Ops.Domain.Scheduler;

/// <summary>The seven positions of a Quartz cron expression.</summary>
internal enum CronUnit
{
    Second,
    Minute,
    Hour,
    DayOfMonth,
    Month,
    DayOfWeek,
    Year,
}

internal enum CronPartKind
{
    All,
    Value,
    Range,
    Step,
    LastDay,
    LastDayOffset,
    LastWeekday,
    NearestWeekday,
    LastDayOfWeek,
    NthDayOfWeek,
}

/// <summary>How a stepped part repeats: over the whole field, from an offset that keeps the rhythm, or within bounds.</summary>
internal enum StepShape
{
    Whole,
    Offset,
    Bounded,
}

/// <summary>
/// One comma-separated piece of a field. <see cref="From"/> and <see cref="To"/> are inclusive (a range may wrap, To below From);
/// for the special day forms From is the day or weekday and <see cref="Number"/> the L- offset or the # ordinal.
/// </summary>
internal readonly record struct CronPart(CronPartKind Kind, int From, int To, int Step = 1, int Number = 0);

/// <summary>A parsed cron field and the questions the describers ask of it.</summary>
internal sealed class CronField
{
    public CronField(CronUnit unit, IReadOnlyList<CronPart> parts, int min, int max)
    {
        Unit = unit;
        Parts = parts;
        Min = min;
        Max = max;
    }

    public CronUnit Unit { get; }

    public IReadOnlyList<CronPart> Parts { get; }

    public int Min { get; }

    public int Max { get; }

    public bool IsAll => Parts is [{ Kind: CronPartKind.All }];

    private bool IsPlain => Parts.All(p => p.Kind is CronPartKind.All or CronPartKind.Value or CronPartKind.Range or CronPartKind.Step);

    /// <summary>Only explicit values (no ranges or steps), e.g. <c>6,18</c>.</summary>
    public bool IsValuesOnly => Parts.All(p => p.Kind == CronPartKind.Value);

    public bool IsSingleValue(out int value)
    {
        var values = IsPlain ? Values() : [];
        value = values.Count == 1 ? values[0] : 0;
        return values.Count == 1;
    }

    /// <summary>The field's only part when it has exactly one of the given kind.</summary>
    public bool IsOnly(CronPartKind kind, out CronPart part)
    {
        part = Parts[0];
        return Parts.Count == 1 && part.Kind == kind;
    }

    /// <summary>Every value the field matches, ascending; empty for the special day forms.</summary>
    public IReadOnlyList<int> Values() => Parts.SelectMany(Sequence).Distinct().Order().ToList();

    /// <summary>The values of one part in firing order (a wrapping range runs past the maximum back to the minimum).</summary>
    public IReadOnlyList<int> Sequence(CronPart part)
    {
        if (part.Kind is not (CronPartKind.All or CronPartKind.Value or CronPartKind.Range or CronPartKind.Step))
        {
            return [];
        }

        var (from, to, step) = part.Kind switch
        {
            CronPartKind.All => (Min, Max, 1),
            CronPartKind.Value => (part.From, part.From, 1),
            _ => (part.From, part.To, part.Step),
        };
        var span = Max - Min + 1;
        var length = to >= from ? to - from : to - from + span;
        var result = new List<int>();
        for (var i = 0; i <= length; i += step)
        {
            result.Add(Min + ((from - Min + i) % span));
        }

        return result;
    }

    public StepShape ShapeOf(CronPart part)
    {
        var span = Max - Min + 1;
        if (part.To != Max || part.From > part.To || span % part.Step != 0 || part.From - Min >= part.Step)
        {
            return StepShape.Bounded;
        }

        return part.From == Min ? StepShape.Whole : StepShape.Offset;
    }

    /// <summary>First and last value when the field is one unbroken stretch (a single value counts), else null.</summary>
    public (int First, int Last)? Stretch()
    {
        if (IsOnly(CronPartKind.Range, out var range))
        {
            return (range.From, range.To);
        }

        var values = IsPlain ? Values() : [];
        return values.Count > 0 && values[^1] - values[0] == values.Count - 1 ? (values[0], values[^1]) : null;
    }

    /// <summary>The values grouped into runs of consecutive numbers, for lists like "0 through 10 and 30".</summary>
    public IReadOnlyList<(int First, int Last)> Runs()
    {
        var runs = new List<(int First, int Last)>();
        foreach (var value in Values())
        {
            // Two neighbours stay two values ("5 and 6"); a third joins them into a run.
            if (runs.Count > 1 && runs[^1] == (value - 1, value - 1) && runs[^2] == (value - 2, value - 2))
            {
                runs.RemoveAt(runs.Count - 1);
                runs[^1] = (value - 2, value);
            }
            else if (runs.Count > 0 && runs[^1].Last == value - 1 && runs[^1].First < value - 2)
            {
                runs[^1] = (runs[^1].First, value);
            }
            else
            {
                runs.Add((value, value));
            }
        }

        return runs;
    }
}
