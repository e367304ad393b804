using System;

namespace PerfKit.Serialization;

/// <summary>
/// The limits a scheme file must stay within, so that a hostile or broken file ends in a <see cref="ProblemCodes.JsonLimit"/>
/// problem rather than exhausting memory, time or the stack. Start from <see cref="Default"/> and change single limits
/// with the <c>With…</c> methods.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class SchemeFileLimits
{
    /// <summary>The default <see cref="MaxBytes"/>: 4 MiB.</summary>
    public const int DefaultMaxBytes = 4 * 1024 * 1024;

    /// <summary>The default <see cref="MaxDepth"/>: 64 nested objects and arrays.</summary>
    public const int DefaultMaxDepth = 64;

    /// <summary>The default <see cref="MaxValues"/>: 500,000 JSON values.</summary>
    public const int DefaultMaxValues = 500_000;

    /// <summary>The default <see cref="MaxNodes"/>: 10,000 groups and indicators.</summary>
    public const int DefaultMaxNodes = 10_000;

    /// <summary>The default <see cref="MaxStringLength"/>: 4,096 UTF-16 code units.</summary>
    public const int DefaultMaxStringLength = 4_096;

    /// <summary>The default <see cref="MaxProblems"/>: 1,000 problems.</summary>
    public const int DefaultMaxProblems = 1_000;

    /// <summary>The highest <see cref="MaxDepth"/> that may be set.</summary>
    public const int DepthCeiling = 1_000;

    private SchemeFileLimits(int maxBytes, int maxDepth, int maxValues, int maxNodes, int maxStringLength, int maxProblems)
    {
        MaxBytes = maxBytes;
        MaxDepth = maxDepth;
        MaxValues = maxValues;
        MaxNodes = maxNodes;
        MaxStringLength = maxStringLength;
        MaxProblems = maxProblems;
    }

    /// <summary>Gets the default limits.</summary>
    public static SchemeFileLimits Default { get; } = new(DefaultMaxBytes, DefaultMaxDepth, DefaultMaxValues, DefaultMaxNodes, DefaultMaxStringLength, DefaultMaxProblems);

    /// <summary>Gets the largest file accepted, in bytes (a leading byte order mark included). A larger file is refused before it is parsed.</summary>
    public int MaxBytes { get; }

    /// <summary>Gets the deepest nesting of objects and arrays accepted (the top-level object is depth 1).</summary>
    public int MaxDepth { get; }

    /// <summary>Gets the most JSON values (objects, arrays, strings, numbers, literals) a file may hold.</summary>
    public int MaxValues { get; }

    /// <summary>Gets the most scheme tree nodes (groups and indicators, the root included) a file may hold.</summary>
    public int MaxNodes { get; }

    /// <summary>Gets the longest string or property name accepted, in UTF-16 code units after unescaping.</summary>
    public int MaxStringLength { get; }

    /// <summary>Gets the most problems reported for one file; once reached, one last <see cref="ProblemCodes.JsonLimit"/> problem says that more were left out.</summary>
    public int MaxProblems { get; }

    /// <summary>Returns limits with another <see cref="MaxBytes"/>.</summary>
    /// <param name="value">The largest file in bytes, at least 1.</param>
    /// <returns>New limits.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is below 1 or above <see cref="Array.MaxLength"/>.</exception>
    public SchemeFileLimits WithMaxBytes(int value)
        => new(InRange(value, Array.MaxLength), MaxDepth, MaxValues, MaxNodes, MaxStringLength, MaxProblems);

    /// <summary>Returns limits with another <see cref="MaxDepth"/>.</summary>
    /// <param name="value">The deepest nesting, 1 to <see cref="DepthCeiling"/>.</param>
    /// <returns>New limits.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is below 1 or above <see cref="DepthCeiling"/>.</exception>
    public SchemeFileLimits WithMaxDepth(int value)
        => new(MaxBytes, InRange(value, DepthCeiling), MaxValues, MaxNodes, MaxStringLength, MaxProblems);

    /// <summary>Returns limits with another <see cref="MaxValues"/>.</summary>
    /// <param name="value">The most JSON values, at least 1.</param>
    /// <returns>New limits.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is below 1.</exception>
    public SchemeFileLimits WithMaxValues(int value)
        => new(MaxBytes, MaxDepth, InRange(value, int.MaxValue), MaxNodes, MaxStringLength, MaxProblems);

    /// <summary>Returns limits with another <see cref="MaxNodes"/>.</summary>
    /// <param name="value">The most tree nodes, at least 1.</param>
    /// <returns>New limits.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is below 1.</exception>
    public SchemeFileLimits WithMaxNodes(int value)
        => new(MaxBytes, MaxDepth, MaxValues, InRange(value, int.MaxValue), MaxStringLength, MaxProblems);

    /// <summary>Returns limits with another <see cref="MaxStringLength"/>.</summary>
    /// <param name="value">The longest string, at least 1.</param>
    /// <returns>New limits.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is below 1.</exception>
    public SchemeFileLimits WithMaxStringLength(int value)
        => new(MaxBytes, MaxDepth, MaxValues, MaxNodes, InRange(value, int.MaxValue), MaxProblems);

    /// <summary>Returns limits with another <see cref="MaxProblems"/>.</summary>
    /// <param name="value">The most problems reported, at least 1.</param>
    /// <returns>New limits.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is below 1.</exception>
    public SchemeFileLimits WithMaxProblems(int value)
        => new(MaxBytes, MaxDepth, MaxValues, MaxNodes, MaxStringLength, InRange(value, int.MaxValue));

    private static int InRange(int value, int max, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, max, name);
        return value;
    }
}
