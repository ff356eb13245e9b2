namespace FlexWork.Domain.Presence;

/// <summary>
/// Where a year's count of working days absent without a valid reason stands against the
/// thresholds of PP 94/2021 on civil-servant discipline (Pasal 9 to 11: light, moderate and heavy
/// penalties for cumulative absence in a year). Information for the supervisor: people decide on
/// discipline, the software never does.
/// </summary>
public enum AbsenceBand
{
    /// <summary>Under 3 days.</summary>
    None,

    /// <summary>3 days: light, a spoken reprimand (teguran lisan).</summary>
    LightSpoken,

    /// <summary>4 to 6 days: light, a written reprimand (teguran tertulis).</summary>
    LightWritten,

    /// <summary>7 to 10 days: light, a written statement of dissatisfaction (pernyataan tidak puas secara tertulis).</summary>
    LightStatement,

    /// <summary>11 to 13 days: moderate, performance allowance cut by 25 % for 6 months.</summary>
    ModerateSixMonths,

    /// <summary>14 to 16 days: moderate, the cut for 9 months.</summary>
    ModerateNineMonths,

    /// <summary>17 to 20 days: moderate, the cut for 12 months.</summary>
    ModerateTwelveMonths,

    /// <summary>21 to 24 days: heavy, demotion for 12 months.</summary>
    HeavyDemotion,

    /// <summary>25 to 27 days: heavy, release from the position for 12 months.</summary>
    HeavyRelease,

    /// <summary>28 days or more: heavy, dismissal.</summary>
    HeavyDismissal,
}

public static class AbsenceBands
{
    /// <summary>The band of a year's count of unexcused absent working days.</summary>
    public static AbsenceBand Of(int days) => days switch
    {
        < 3 => AbsenceBand.None,
        3 => AbsenceBand.LightSpoken,
        <= 6 => AbsenceBand.LightWritten,
        <= 10 => AbsenceBand.LightStatement,
        <= 13 => AbsenceBand.ModerateSixMonths,
        <= 16 => AbsenceBand.ModerateNineMonths,
        <= 20 => AbsenceBand.ModerateTwelveMonths,
        <= 24 => AbsenceBand.HeavyDemotion,
        <= 27 => AbsenceBand.HeavyRelease,
        _ => AbsenceBand.HeavyDismissal,
    };

    /// <summary>The first count of the band (for "n more days reach the next band").</summary>
    public static int From(AbsenceBand band) => band switch
    {
        AbsenceBand.None => 0,
        AbsenceBand.LightSpoken => 3,
        AbsenceBand.LightWritten => 4,
        AbsenceBand.LightStatement => 7,
        AbsenceBand.ModerateSixMonths => 11,
        AbsenceBand.ModerateNineMonths => 14,
        AbsenceBand.ModerateTwelveMonths => 17,
        AbsenceBand.HeavyDemotion => 21,
        AbsenceBand.HeavyRelease => 25,
        _ => 28,
    };
}
