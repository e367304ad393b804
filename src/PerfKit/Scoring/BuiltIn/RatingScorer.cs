using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using PerfKit.Internal;
using PerfKit.Model;

namespace PerfKit.Scoring.BuiltIn;

/// <summary>
/// Multi-rater (360) scoring (spec §3): each role's value is the mean of its raters; the combined rating is the
/// role-weighted mean over the roles that rated; s = (combined − low) / (high − low), or min(combined ÷ target, cap).
/// </summary>
internal sealed class RatingScorerKind : IScorerKind
{
    public const string KindName = "rating";

    public string Name => KindName;

    public string Version => "1";

    public IScorer? Create(ScorerParameterReader parameters)
    {
        var low = parameters.RequiredNumber("low");
        var high = parameters.RequiredNumber("high");
        var roles = parameters.OptionalMap("roles");
        var target = parameters.OptionalNumber("target");
        var cap = parameters.OptionalNumber("cap");
        if (!parameters.IsGiven("roles"))
        {
            parameters.Report(ProblemCodes.ScorerParameterMissing, "roles", null, "A rating scorer needs 'roles': a map from rater role to a positive weight, e.g. {superior: 50, peer: 30, subordinate: 20}.");
        }

        if (parameters.HasProblems)
        {
            return null;
        }

        if (low >= high)
        {
            parameters.Report(ProblemCodes.RatingScale, "high", high, $"The scale's high end must be above its low end ({DecimalText.Canonical(low)}).");
        }

        var weights = ImmutableSortedDictionary.CreateBuilder<string, decimal>(System.StringComparer.Ordinal);
        if (roles!.Count == 0)
        {
            parameters.Report(ProblemCodes.RatingRoles, "roles", "{}", "A rating scorer needs at least one rater role.");
        }

        foreach (var (role, weight) in roles)
        {
            if (!Identifiers.IsValid(role))
            {
                parameters.Report(ProblemCodes.RatingRoles, $"roles.{role}", role, "A rater role name must use " + Identifiers.Rule + ".");
            }
            else if (weight.Kind != ParameterValueKind.Number || weight.Number <= 0m)
            {
                parameters.Report(ProblemCodes.RatingRoles, $"roles.{role}", weight.ToString(), "A rater role's weight must be a positive number.");
            }
            else
            {
                weights.Add(role, weight.Number);
            }
        }

        // The target is placed on a valid scale only; on a rejected scale it would be reported for the same mistake.
        if (target is { } t && (t <= 0m || (low < high && (t > high || t <= low))))
        {
            parameters.Report(ProblemCodes.RatingTarget, "target", t, "A target rating must lie above the scale's low end, up to its high end, and be positive.");
        }

        if (cap is { } c)
        {
            if (target is null)
            {
                parameters.Report(ProblemCodes.RatingCap, "cap", c, "A cap applies only with a target rating; remove it or add 'target'.");
            }
            else if (c < 1m)
            {
                parameters.Report(ProblemCodes.RatingCap, "cap", c, "The cap must be at least 1.");
            }
        }

        return new RatingScorer(low, high, weights.ToImmutable(), target, cap ?? 1m);
    }
}

internal sealed class RatingScorer(decimal low, decimal high, ImmutableSortedDictionary<string, decimal> roleWeights, decimal? target, decimal cap) : IScorer
{
    public MeasureKind InputKind => MeasureKind.Ratings;

    public ScoreDirection Direction => ScoreDirection.HigherIsBetter;

    public decimal MinimumScore => target is { } t ? decimal.Min(low / t, cap) : 0m;

    public decimal MaximumScore => target is { } t ? decimal.Min(high / t, cap) : 1m;

    public ScoreOutcome Score(MeasureValue value)
    {
        var ratings = value.Ratings!;
        foreach (var (role, list) in ratings.ByRole)
        {
            if (!roleWeights.ContainsKey(role))
            {
                return ScoreOutcome.Invalid(ProblemCodes.RatingUnknownRole, $"Rater role '{role}' is not declared by the scorer; declared roles: {string.Join(", ", roleWeights.Keys)}.");
            }

            foreach (var rating in list)
            {
                if (rating < low || rating > high)
                {
                    return ScoreOutcome.Invalid(ProblemCodes.RatingOutOfScale, $"Rating {DecimalText.Canonical(rating)} from role '{role}' is outside the scale [{DecimalText.Canonical(low)}, {DecimalText.Canonical(high)}].");
                }
            }
        }

        var weighted = 0m;
        var weightSum = 0m;
        var intermediates = ImmutableArray.CreateBuilder<KeyValuePair<string, decimal>>();
        var notes = ImmutableArray.CreateBuilder<string>();
        foreach (var (role, weight) in roleWeights)
        {
            if (!ratings.ByRole.TryGetValue(role, out var list) || list.IsEmpty)
            {
                notes.Add($"role '{role}' gave no rating and was dropped; the other roles were re-weighted");
                continue;
            }

            var sum = 0m;
            foreach (var rating in list)
            {
                sum += rating;
            }

            var mean = sum / list.Length;
            intermediates.Add(new KeyValuePair<string, decimal>("mean." + role, mean));
            weighted += weight * mean;
            weightSum += weight;
        }

        if (weightSum == 0m)
        {
            return ScoreOutcome.Missing("No rater role gave a rating.");
        }

        var combined = weighted / weightSum;
        intermediates.Add(new KeyValuePair<string, decimal>("combined", combined));
        var score = target is { } t ? decimal.Min(combined / t, cap) : (combined - low) / (high - low);
        return ScoreOutcome.Scored(score, intermediates.ToImmutable(), notes.ToImmutable());
    }

    internal IEnumerable<string> Roles => roleWeights.Keys.AsEnumerable();
}
