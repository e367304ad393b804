namespace PerfKit;

/// <summary>The problem codes of business calendars and deadline commitments.</summary>
public static partial class ProblemCodes
{
    /// <summary><c>calendar.conflict</c>: A date is listed both as a holiday and as a make-up working day.</summary>
    public const string CalendarConflict = "calendar.conflict";

    /// <summary><c>calendar.duplicate</c>: A date is listed twice as a holiday, or twice as a make-up working day.</summary>
    public const string CalendarDuplicate = "calendar.duplicate";

    /// <summary><c>calendar.makeUpDay</c>: A make-up working day falls on a day of the week that is not a weekend day (it is a working day anyway).</summary>
    public const string CalendarMakeUpDay = "calendar.makeUpDay";

    /// <summary><c>calendar.weekend</c>: Every day of the week is a weekend day, so the calendar has no regular working day.</summary>
    public const string CalendarWeekend = "calendar.weekend";

    /// <summary><c>calendar.syntax</c>: A line of a calendar's text form cannot be read.</summary>
    public const string CalendarSyntax = "calendar.syntax";

    /// <summary><c>commitment.eventId</c>: A commitment event's id is blank.</summary>
    public const string CommitmentEventId = "commitment.eventId";

    /// <summary><c>commitment.subject</c>: A commitment event's subject id is blank.</summary>
    public const string CommitmentSubject = "commitment.subject";

    /// <summary><c>commitment.duplicate</c>: Two commitment events share an id.</summary>
    public const string CommitmentDuplicate = "commitment.duplicate";

    /// <summary><c>commitment.order</c>: A commitment event is fulfilled before its application.</summary>
    public const string CommitmentOrder = "commitment.order";

    /// <summary><c>commitment.future</c>: A commitment event's application or fulfilment lies after the clock's current instant.</summary>
    public const string CommitmentFuture = "commitment.future";

    /// <summary><c>commitment.range</c>: A commitment event's deadline or days late fall outside the supported dates (years 1–9999).</summary>
    public const string CommitmentRange = "commitment.range";
}
