using System;
using PerfKit.Model;

namespace PerfKit.Evaluation;

/// <summary>The straight-line totals kernel of <see cref="SchemeEvaluator"/>.</summary>
public sealed partial class SchemeEvaluator
{
    /// <summary>
    /// The totals of a subject in the common case, in one straight pass over the plan: every value present, built-in
    /// number scorers, no overrides, no zeroScore gate and no scoped penalty (the plan says whether the scheme
    /// qualifies). The arithmetic is the general evaluation's, step for step and in the same order (spec §5a), with
    /// the steps that cannot apply left out: nothing can be excluded or zeroed, so every Σw is the full sum. Anything
    /// else (a missing value, negative or missing units, an overflow) returns false and the caller runs the general
    /// evaluation, which decides and reports it.
    /// </summary>
    private sealed partial class Run
    {
        public bool TryFastTotals(ReadOnlySpan<decimal?> slots, decimal? pay, string? subjectId, Span<bool> gatesOut, out TotalsResult result)
        {
            result = default;
            try
            {
                return FastTotals(slots, pay, subjectId, gatesOut, ref result);
            }
            catch (OverflowException)
            {
                return false;
            }
        }

        private bool FastTotals(ReadOnlySpan<decimal?> slots, decimal? pay, string? subjectId, Span<bool> gatesOut, ref TotalsResult result)
        {
            var sc = scores;
            var slotOf = plan.Slot;
            var numberScorers = plan.NumberScorers;

            // Steps 1–2: score every indicator.
            foreach (var i in plan.Indicators)
            {
                if (slots[slotOf[i]] is not { } x)
                {
                    return false;
                }

                sc[i] = numberScorers[i]!.ScoreNumber(x);
            }

            // Units of the adjustment rules (min(units × pointsPerUnit, cap)).
            var rules = scheme.Adjustments;
            for (var k = 0; k < rules.Length; k++)
            {
                if (slots[plan.AdjustmentSlot[k]] is not { } given || given < 0m)
                {
                    return false;
                }

                var points = given * rules[k].PointsPerUnit;
                units[k] = given;
                raw[k] = rules[k].Cap is { } cap && points > cap ? cap : points;
            }

            // Step 3: gates on indicator values and scores.
            var gates = scheme.Gates;
            var failed = 0;
            var cancel = false;
            GradeBand? capped = null;
            foreach (var k in plan.EarlyGates)
            {
                var node = plan.GateNode[k];
                var actual = gates[k].Subject == GateSubject.IndicatorValue ? slots[slotOf[node]]!.Value : sc[node];
                Gate(k, actual, ref failed, ref cancel, ref capped);
            }

            // Step 4: group means bottom-up, Σ wᵢ·sᵢ / Σ wᵢ in declared order, clamped to the children's range; group gates.
            // Nothing is excluded here, so Σ wᵢ is the plan's sum over all children (the same decimal, summed the same
            // way), and a group of one child scores exactly that child (the mean clamped to [s, s]; the plan proves
            // that w·s cannot overflow, so skipping it hides nothing).
            var children = plan.ChildList;
            var weights = plan.Weights;
            var weightSums = plan.FullWeightSums!;
            var childStart = plan.ChildStart;
            foreach (var g in plan.GroupsBottomUp)
            {
                var first = childStart[g];
                var end = childStart[g + 1];
                if (end - first == 1)
                {
                    sc[g] = sc[children[first]];
                }
                else
                {
                    var weighted = 0m;
                    var lowest = decimal.MaxValue;
                    var highest = decimal.MinValue;
                    for (var j = first; j < end; j++)
                    {
                        var c = children[j];
                        var s = sc[c];
                        weighted += weights[c] * s;
                        if (s < lowest)
                        {
                            lowest = s;
                        }

                        if (s > highest)
                        {
                            highest = s;
                        }
                    }

                    var mean = weighted / weightSums[g];
                    sc[g] = mean < lowest ? lowest : mean > highest ? highest : mean;
                }

                for (var j = plan.GroupGateStart[g]; j < plan.GroupGateStart[g + 1]; j++)
                {
                    Gate(plan.GroupGateList[j], sc[g], ref failed, ref cancel, ref capped);
                }
            }

            var basePoints = sc[0] * scheme.Points;

            // Step 5: bonuses (each capped, then maxBonus) and penalties (each capped; none scoped here).
            var bonus = 0m;
            var penalty = 0m;
            var remainingBonus = scheme.MaxBonus ?? 0m;
            for (var k = 0; k < rules.Length; k++)
            {
                if (rules[k].Kind == AdjustmentKind.Bonus)
                {
                    var taken = decimal.Min(raw[k], remainingBonus);
                    remainingBonus -= taken;
                    bonus += taken;
                    applied[k] = taken;
                }
                else
                {
                    penalty += raw[k];
                    applied[k] = raw[k];
                }
            }

            // Steps 6–8: one clamp, one rounding, gates on base and total.
            var unclamped = basePoints + bonus - penalty;
            var exact = Math.Clamp(unclamped, plan.MinPoints, plan.MaxPoints);
            var rounded = scheme.Rounding.Round(exact);
            foreach (var k in plan.LateGates)
            {
                Gate(k, gates[k].Subject == GateSubject.Base ? basePoints : rounded, ref failed, ref cancel, ref capped);
            }

            // Steps 9–10: grade, capGrade, payout.
            var earned = scheme.GradeFor(rounded);
            var grade = capped is { } c2 && c2.Rank > earned.Rank ? c2 : earned;
            decimal? payout = pay is { } p ? (cancel ? 0m : evaluator.Options.PayRounding.Round(p * grade.Coefficient)) : null;
            if (!gatesOut.IsEmpty)
            {
                gatePassed.CopyTo(gatesOut);
            }

            result = new TotalsResult(subjectId, basePoints, bonus, penalty, unclamped, exact, rounded, grade.Rank, earned.Rank, grade.Coefficient, cancel, failed, payout);
            return true;
        }

        private void Gate(int k, decimal actual, ref int failed, ref bool cancel, ref GradeBand? capped)
        {
            var gate = scheme.Gates[k];
            var passed = gate.Direction == ScoreDirection.LowerIsBetter ? actual <= gate.Threshold : actual >= gate.Threshold;
            gatePassed[k] = passed;
            gateActual[k] = actual;
            if (passed)
            {
                return;
            }

            failed++;
            if (gate.Consequence == GateConsequence.CancelPayout)
            {
                cancel = true;
            }
            else if (plan.GateCapGrade[k] is { } band && (capped is null || band.Rank > capped.Rank))
            {
                capped = band;
            }
        }

        /// <summary>
        /// The full path's assessment by the straight-line kernel, after <see cref="TryReadNumbers"/> accepted the
        /// subject: the kernel's totals with the record of every node, gate and rule it computed on the way; false
        /// when the kernel hands the subject to the general evaluation.
        /// </summary>
        public bool TryFastAssessment(SubjectInput subject, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Assessment? assessment)
        {
            assessment = null;
            if (!TryFastTotals(numbers, subject.BasePay, subject.SubjectId, default, out var t))
            {
                return false;
            }

            input = subject;
            var grades = scheme.Grades;
            assessment = new Assessment(scheme, evaluator.fingerprint, subject, Record(kernel: true), t.BasePoints, t.BonusPoints, t.PenaltyPoints, t.UnclampedTotal, t.ExactTotal, t.RoundedTotal,
                grades[t.GradeIndex], grades[t.EarnedGradeIndex], t.PayoutCancelled, [], [], subject.BasePay, t.Payout);
            return true;
        }

        /// <summary>Reads a subject's numbers into the slots for <see cref="TryFastTotals"/>; false when the input needs the general evaluation (problems, ratings, overrides, a presence for prorated indicators, unknown measures).</summary>
        public bool TryReadNumbers(SubjectInput subject)
        {
            if (!subject.Problems.IsEmpty || !subject.Ratings.IsEmpty || !subject.Overrides.IsEmpty || subject.Presence is not null)
            {
                return false;
            }

            Array.Clear(numbers);
            var reject = evaluator.Options.UnknownMeasures == UnknownMeasureHandling.Reject;
            return plan.ReadNumbers(subject, numbers, this, reject ? StopAtUnknown : IgnoreUnknown);
        }

        /// <summary>Gets the slots <see cref="TryReadNumbers"/> filled.</summary>
        public ReadOnlySpan<decimal?> Numbers => numbers;
    }
}
