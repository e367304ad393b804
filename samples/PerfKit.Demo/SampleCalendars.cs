using PerfKit.Commitments;

namespace PerfKit.Demo;

/// <summary>Example business calendars.</summary>
public static class SampleCalendars
{
    /// <summary>
    /// Mainland China's 2024 public holidays and make-up working days (调休), as announced in the State Council's
    /// notice on the 2024 holiday arrangements. A sample that shows the form, not authoritative data: a bank keeps its
    /// own calendar, checked against the notice of each year (and its own business days, e.g. branch opening days).
    /// </summary>
    public const string ChinaMainland2024Text = """
        # Mainland China 2024 public holidays (sample; check against the State Council notice)
        weekend Sat Sun
        # New Year's Day
        holiday 2024-01-01
        # Spring Festival, with make-up working days on Sunday 4 Feb and Sunday 18 Feb
        holiday 2024-02-10..2024-02-17
        makeup 2024-02-04
        makeup 2024-02-18
        # Qingming, make-up Sunday 7 Apr
        holiday 2024-04-04..2024-04-06
        makeup 2024-04-07
        # Labour Day, make-up Sunday 28 Apr and Saturday 11 May
        holiday 2024-05-01..2024-05-05
        makeup 2024-04-28
        makeup 2024-05-11
        # Dragon Boat Festival
        holiday 2024-06-10
        # Mid-Autumn Festival, make-up Saturday 14 Sep
        holiday 2024-09-15..2024-09-17
        makeup 2024-09-14
        # National Day, make-up Sunday 29 Sep and Saturday 12 Oct
        holiday 2024-10-01..2024-10-07
        makeup 2024-09-29
        makeup 2024-10-12
        """;

    /// <summary>The calendar of <see cref="ChinaMainland2024Text"/>.</summary>
    /// <returns>The calendar.</returns>
    public static BusinessCalendar ChinaMainland2024() => BusinessCalendar.Parse(ChinaMainland2024Text);
}
