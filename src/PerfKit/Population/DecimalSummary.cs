using System;
using System.Collections.Generic;
using PerfKit.Internal;

namespace PerfKit.Population;

/// <summary>
/// Count, sum, mean, median, minimum, maximum, population variance and population standard deviation of a set of
/// decimals, computed exactly up to one final division each (see docs/populations.md).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class DecimalSummary
{
    private DecimalSummary(int count, decimal sum, decimal mean, decimal median, decimal minimum, decimal maximum, decimal variance)
    {
        Count = count;
        Sum = sum;
        Mean = mean;
        Median = median;
        Minimum = minimum;
        Maximum = maximum;
        Variance = variance;
        StandardDeviation = DecimalMath.Sqrt(variance);
    }

    /// <summary>Gets the number of values.</summary>
    public int Count { get; }

    /// <summary>Gets the sum, exact.</summary>
    public decimal Sum { get; }

    /// <summary>Gets the mean: sum ÷ count, one decimal division.</summary>
    public decimal Mean { get; }

    /// <summary>Gets the median: the middle value of the sorted values, or the mean of the two middle values when the count is even.</summary>
    public decimal Median { get; }

    /// <summary>Gets the smallest value.</summary>
    public decimal Minimum { get; }

    /// <summary>Gets the largest value.</summary>
    public decimal Maximum { get; }

    /// <summary>
    /// Gets the population variance, Σ(x − mean)² ÷ n, computed as (n·Σx² − (Σx)²) ÷ n²: the numerator exactly, then one
    /// division. (The population form: a group is the whole set of subjects of interest, not a sample of a larger one.)
    /// </summary>
    public decimal Variance { get; }

    /// <summary>Gets the population standard deviation: the square root of <see cref="Variance"/> by Newton's iteration in decimal, to about 28 significant digits.</summary>
    public decimal StandardDeviation { get; }

    /// <summary>Summarises a set of values.</summary>
    /// <param name="values">The values; at least one.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty.</exception>
    /// <exception cref="OverflowException">A sum or a square exceeds decimal's range (values beyond about 10^12 in large sets).</exception>
    public static DecimalSummary Of(IEnumerable<decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = new List<decimal>(values);
        if (sorted.Count == 0)
        {
            throw new ArgumentException("A summary needs at least one value.", nameof(values));
        }

        sorted.Sort();
        return OfSorted(sorted);
    }

    /// <summary>Summarises values already sorted ascending.</summary>
    internal static DecimalSummary OfSorted(IReadOnlyList<decimal> sorted)
    {
        var n = sorted.Count;
        var sum = 0m;
        var squares = 0m;
        for (var i = 0; i < n; i++)
        {
            var x = sorted[i];
            sum += x;
            squares += x * x;
        }

        var median = n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2m;
        decimal variance;
        try
        {
            variance = ((n * squares) - (sum * sum)) / ((decimal)n * n);
        }
        catch (OverflowException)
        {
            // n·Σx² or (Σx)² left decimal's range: fall back to the two-pass form around the (divided) mean.
            var mean = sum / n;
            var deviations = 0m;
            for (var i = 0; i < n; i++)
            {
                var d = sorted[i] - mean;
                deviations += d * d;
            }

            variance = deviations / n;
        }

        // The exact numerator is never negative; the fallback's rounding could be, by a last digit.
        return new DecimalSummary(n, sum, sum / n, median, sorted[0], sorted[n - 1], Math.Max(variance, 0m));
    }
}
