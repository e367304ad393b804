using System;

namespace PerfKit.Internal;

/// <summary>Decimal functions the BCL does not offer, computed without <c>double</c>.</summary>
internal static class DecimalMath
{
    private const int MaxIterations = 100;

    /// <summary>
    /// The square root by Newton's iteration y ← (y + x ÷ y) ÷ 2 in decimal, from a first guess within a factor of
    /// 1.5 of the root (x scaled by powers of 100 into [1, 100)), until the iterate stops changing or alternates
    /// between two neighbours (decimal division rounds its last digit); of two alternating iterates the one whose
    /// square is nearer x is returned. The result is correct to about 28 significant digits for x ≥ 1e-8; below that,
    /// decimal's 28 decimal places hold fewer significant digits of the root.
    /// </summary>
    /// <param name="x">The value, ≥ 0.</param>
    /// <returns>√x.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="x"/> is negative.</exception>
    public static decimal Sqrt(decimal x)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        if (x == 0m)
        {
            return 0m;
        }

        // x = m × 100^k with m in [1, 100): the root is √m × 10^k, and √m lies in [1, 10).
        var m = x;
        var k = 0;
        while (m >= 100m)
        {
            m /= 100m;
            k++;
        }

        while (m < 1m)
        {
            m *= 100m;
            k--;
        }

        var y = m < 4m ? 1.5m : m < 16m ? 3m : m < 36m ? 5m : m < 64m ? 7m : 9m;
        for (; k > 0; k--)
        {
            y *= 10m;
        }

        for (; k < 0; k++)
        {
            y /= 10m;
        }

        var previous = 0m;
        for (var i = 0; i < MaxIterations; i++)
        {
            var next = (y + (x / y)) / 2m;
            if (next == y)
            {
                return y;
            }

            if (next == previous)
            {
                // A two-cycle between neighbours: keep the better one.
                return Math.Abs((next * next) - x) < Math.Abs((y * y) - x) ? next : y;
            }

            previous = y;
            y = next;
        }

        return y;
    }
}
