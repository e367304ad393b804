using System;
using PerfKit.Internal;

namespace PerfKit.Model;

/// <summary>How a total is rounded, once (spec §1): a number of decimals and an explicit <see cref="MidpointRounding"/>.</summary>
/// <remarks>Immutable and thread-safe; compares by value.</remarks>
public sealed class RoundingPolicy : IEquatable<RoundingPolicy>
{
    /// <summary>Creates a policy.</summary>
    /// <param name="decimals">Decimal places, 0 to 10.</param>
    /// <param name="mode">The midpoint rule; <see cref="MidpointRounding.AwayFromZero"/> is the usual 四舍五入.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decimals"/> is outside 0–10 or <paramref name="mode"/> is not defined.</exception>
    public RoundingPolicy(int decimals, MidpointRounding mode)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 10);
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Use one of the MidpointRounding values.");
        }

        Decimals = decimals;
        Mode = mode;
    }

    /// <summary>Gets the default policy: 2 decimals, <see cref="MidpointRounding.AwayFromZero"/>.</summary>
    public static RoundingPolicy Default { get; } = new(2, MidpointRounding.AwayFromZero);

    /// <summary>Gets the number of decimal places.</summary>
    public int Decimals { get; }

    /// <summary>Gets the midpoint rule.</summary>
    public MidpointRounding Mode { get; }

    /// <summary>Rounds a value with this policy.</summary>
    /// <param name="value">The exact value.</param>
    /// <returns>The rounded value.</returns>
    public decimal Round(decimal value) => Math.Round(value, Decimals, Mode);

    /// <inheritdoc/>
    public bool Equals(RoundingPolicy? other) => other is not null && other.Decimals == Decimals && other.Mode == Mode;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as RoundingPolicy);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Decimals, Mode);

    /// <summary>Formats as e.g. <c>2 decimals, AwayFromZero</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Decimals.ToString(System.Globalization.CultureInfo.InvariantCulture)} decimals, {Mode}";

    internal static string Describe(decimal value) => DecimalText.Canonical(value);
}
