using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using PerfKit.Building;
using PerfKit.Model;
using PerfKit.Scoring;

namespace PerfKit.Tests.Serialization;

/// <summary>A random valid scheme with the seed that made it (shown when a property fails).</summary>
public sealed class GeneratedScheme(int seed, Scheme scheme)
{
    public int Seed { get; } = seed;

    public Scheme Scheme { get; } = scheme;

    public override string ToString() => $"seed {Seed}: {Scheme}";
}

/// <summary>
/// Generates random valid schemes through the public builder: every weight mode and group kind, every built-in scorer
/// with its optional parameters, a host kind with nested lists and maps, texts with quotes, controls, CJK, emoji and
/// U+3000, per-culture names, tags, units, aggregations, missing policies, grades, rounding, bounds, gates of every
/// subject and consequence, and scoped adjustments. Each scheme is built from one seed, so a failure can be replayed.
/// </summary>
public static class RandomSchemes
{
    private static readonly string[] Texts =
    [
        "Monthly assessment", "月度考核", "净增余额（日均）", "Quote \" and backslash \\", "tab\there", "line\nbreak",
        "emoji 😀 and 𝄞", "ideographic\u3000space", "separator\u2028line", "nul\u0000and\u001fcontrol", "e\u0301 combining",
        "<html> & 'apostrophe'", "Ünïcödé İı", "slash / and dot .", " leading and trailing ",
    ];

    private static readonly string[] Cultures = ["zh-CN", "en", "de-DE", "tr-TR", "zh"];

    private static readonly string[] TagPool = ["scale", "risk", "deposit", "inclusive-finance", "capability", "q1"];

    private static readonly string[] Units = ["accounts", "%", "CNY 10k", "户", "visits"];

    private static readonly decimal[] Numbers =
    [
        0m, 1m, -1m, 0.5m, 2.5m, 100m, 1234.5678m, -0.001m, 0.1000m, 79228162514264337593543950335m,
        -79228162514264337593543950335m, 0.0000000000000000000000000001m, 1.0000000000000000000000000001m, 12345678901234567890.12345678m,
    ];

    public static Arbitrary<GeneratedScheme> Arbitrary()
        => Gen.Choose(0, int.MaxValue).Select(seed => new GeneratedScheme(seed, Create(seed))).ToArbitrary();

    public static Scheme Create(int seed) => new Generator(new Random(seed)).Build();

    private sealed class Generator(Random random)
    {
        private readonly List<(string Path, bool IsIndicator, bool IsRating, bool HasDirection)> nodes = [];
        private bool capAboveOne;
        private int counter;

        public Scheme Build()
        {
            var builder = Scheme.CreateBuilder("s" + random.Next(1000), Pick("2024.1", "v2 \"beta\"", "草案-1", "1"), FreeformScorerKind.Registry);
            builder.Name(Text());
            foreach (var culture in Subset(Cultures))
            {
                builder.Name(culture, Text());
            }

            var points = Pick(100m, 105m, 1m, 0.5m, 1000m, 12.345m);
            if (points != 100m || Chance(0.3))
            {
                builder.Points(points);
            }

            if (Chance(0.5))
            {
                builder.Rounding(random.Next(0, 11), Pick(Enum.GetValues<MidpointRounding>()));
            }

            var rootMode = Mode();
            var rootKind = Pick(Enum.GetValues<GroupKind>());
            builder.Root(Pick("root", "tree", "top"), rootMode, root =>
            {
                if (rootKind != GroupKind.Custom || Chance(0.5))
                {
                    root.OfKind(rootKind);
                }

                GroupNames(root);
                nodes.Add((string.Empty, false, false, true));
                Children(root, rootMode, string.Empty, depth: 0);
            });

            var floor = Pick<decimal?>(null, 0m, -5m);
            if (floor is { } f)
            {
                builder.MinPoints(f);
            }

            var hasBonus = Chance(0.5);
            var maxBonus = hasBonus || Chance(0.3) ? Pick(5m, 0m, 2.5m) : (decimal?)null;
            if (maxBonus is { } mb)
            {
                builder.MaxBonus(mb);
            }

            if (capAboveOne || Chance(0.3))
            {
                builder.MaxPoints(points * 2m + (maxBonus ?? 0m));
            }

            var grades = Grades(builder, floor ?? 0m, points);
            Gates(builder, grades);
            Adjustments(builder, hasBonus);
            return builder.Build();
        }

        private void Children(GroupBuilder group, WeightMode mode, string path, int depth)
        {
            var count = random.Next(1, depth == 0 ? 5 : 4);
            var weights = Weights(mode, count);
            for (var i = 0; i < count; i++)
            {
                var id = Pick("kpi", "o", "dim", "kr", "sec") + "_" + (++counter) + Pick("", "-x", "_y");
                var childPath = path.Length == 0 ? id : path + "/" + id;
                if (depth < 3 && Chance(depth == 0 ? 0.6 : 0.3))
                {
                    var childMode = Mode();
                    group.Group(Pick(Enum.GetValues<GroupKind>()), id, weights[i], childMode, g =>
                    {
                        GroupNames(g);
                        nodes.Add((childPath, false, false, true));
                        Children(g, childMode, childPath, depth + 1);
                    });
                }
                else
                {
                    var (spec, isRating, hasDirection) = Scorer();
                    nodes.Add((childPath, true, isRating, hasDirection));
                    group.Indicator(id, weights[i], Pick("m", "deposit.daily_avg", "loans:balance", "x-1") + counter, spec, ind =>
                    {
                        if (Chance(0.5))
                        {
                            ind.Name(Text());
                        }

                        foreach (var culture in Subset(Cultures))
                        {
                            ind.Name(culture, Text());
                        }

                        ind.Tags([.. Subset(TagPool)]);
                        if (Chance(0.5))
                        {
                            ind.WhenMissing(Pick(Enum.GetValues<MissingValuePolicy>()));
                        }

                        if (Chance(0.5))
                        {
                            ind.Unit(Pick(Units));
                        }

                        if (Chance(0.5))
                        {
                            ind.AggregatedBy(Pick(Enum.GetValues<ValueAggregation>()));
                        }
                    });
                }
            }
        }

        private void GroupNames(GroupBuilder group)
        {
            if (Chance(0.5))
            {
                group.Name(Text());
            }

            foreach (var culture in Subset(Cultures))
            {
                group.Name(culture, Text());
            }
        }

        private WeightMode Mode() => random.Next(4) switch
        {
            0 => WeightMode.Fraction,
            1 => WeightMode.Percent,
            2 => WeightMode.Normalize,
            _ => WeightMode.PointsOf(Pick(100m, 50m, 10.5m, 1m, 0.75m)),
        };

        /// <summary>Positive weights that sum to exactly what the mode requires: integer parts of total × 10^d, scaled back.</summary>
        private decimal[] Weights(WeightMode mode, int count)
        {
            if (mode.RequiredSum is not { } sum)
            {
                return [.. Enumerable.Range(0, count).Select(_ => Pick(1m, 0.5m, 3m, 0.125m, 1000m, 0.0001m))];
            }

            var scale = Pick(100m, 1000m, 10000m);
            var units = (int)(sum * scale);
            var cuts = Enumerable.Range(0, count - 1).Select(_ => random.Next(1, units)).Distinct().Order().ToList();
            while (cuts.Count < count - 1)
            {
                var extra = random.Next(1, units);
                if (!cuts.Contains(extra))
                {
                    cuts.Add(extra);
                    cuts.Sort();
                }
            }

            var bounds = new[] { 0 }.Concat(cuts).Append(units).ToArray();
            return [.. Enumerable.Range(0, count).Select(i => (bounds[i + 1] - bounds[i]) / scale)];
        }

        private (ScorerSpec Spec, bool IsRating, bool HasDirection) Scorer()
        {
            switch (random.Next(5))
            {
                case 0:
                {
                    var baseline = Pick(0m, 3m, 2.5m, -10m);
                    var target = baseline + Pick(10m, -1.5m, 0.25m, 500m);
                    var cap = Pick<decimal?>(null, 1m, 1.2m, 1.5m);
                    capAboveOne |= cap > 1m;
                    var floor = Pick<decimal?>(null, 0m, -0.5m, 0.2m);
                    var startLine = Chance(0.3) ? baseline + ((target - baseline) / 2m) : (decimal?)null;
                    return (Scorers.Linear(baseline, target, cap, floor, startLine), false, true);
                }

                case 1:
                {
                    var direction = Pick(ScoreDirection.HigherIsBetter, ScoreDirection.LowerIsBetter);
                    var count = random.Next(1, 5);
                    var step = direction == ScoreDirection.HigherIsBetter ? 0.25m : -0.25m;
                    var bands = Enumerable.Range(0, count).Select(i => (Bound: 1m + (i * step), Score: (i + 1) / (decimal)count)).ToList();
                    var ratio = Chance(0.5);
                    return (Scorers.Band(direction, bands, Pick(BandMode.Step, BandMode.Interpolate), ratio ? BandBasis.Ratio : BandBasis.Value,
                        ratio ? Pick(40m, 0.5m, 1000m) : null, Pick<decimal?>(null, 0m, bands[0].Score / 2m)), false, true);
                }

                case 2:
                {
                    var pass = Pick<decimal?>(null, 1m, 0.8m);
                    return (Scorers.Threshold(Pick(ScoreDirection.HigherIsBetter, ScoreDirection.LowerIsBetter), Pick(0m, 95.5m, -3m), pass, Pick<decimal?>(null, 0m, 0.1m)), false, true);
                }

                case 3:
                {
                    var roles = Subset(["superior", "peer", "subordinate", "self", "customer-1"]).Select(r => new KeyValuePair<string, decimal>(r, Pick(50m, 30m, 0.2m, 1m))).ToList();
                    if (roles.Count == 0)
                    {
                        roles.Add(new("superior", 1m));
                    }

                    var target = Pick<decimal?>(null, 4m, 5m);
                    var cap = target is null ? null : Pick<decimal?>(null, 1m, 1.25m);
                    capAboveOne |= cap > 1m;
                    return (Scorers.Rating(1m, 5m, roles, target, cap), true, true);
                }

                default:
                {
                    var parameters = new List<KeyValuePair<string, ParameterValue>>();
                    if (Chance(0.7))
                    {
                        parameters.Add(new("factor", ParameterValue.Of(Pick(Numbers))));
                    }

                    if (Chance(0.5))
                    {
                        parameters.Add(new("mode", ParameterValue.Of(Pick("plain", "fancy"))));
                    }

                    if (Chance(0.6))
                    {
                        parameters.Add(new("items", ParameterValue.List(Enumerable.Range(0, random.Next(0, 4)).Select(_ => Value(2)))));
                    }

                    if (Chance(0.6))
                    {
                        parameters.Add(new("table", Map(2)));
                    }

                    return (ScorerSpec.Create(FreeformScorerKind.KindName, parameters), false, false);
                }
            }
        }

        private ParameterValue Value(int depth) => (depth > 0 ? random.Next(4) : random.Next(2)) switch
        {
            0 => ParameterValue.Of(Pick(Numbers)),
            1 => ParameterValue.Of(Text()),
            2 => ParameterValue.List(Enumerable.Range(0, random.Next(0, 3)).Select(_ => Value(depth - 1))),
            _ => Map(depth - 1),
        };

        private ParameterValue Map(int depth)
            => ParameterValue.Map(Subset(["a", "b", "Z", "键", "key with space", "kind", "\"quoted\""]).Select(k => new KeyValuePair<string, ParameterValue>(k, Value(depth))));

        private List<string> Grades(SchemeBuilder builder, decimal floor, decimal points)
        {
            var names = new List<string>();
            var count = random.Next(1, 5);
            for (var i = 0; i < count; i++)
            {
                var name = ((char)('A' + i)).ToString();
                names.Add(name);
                decimal? min = i == count - 1 ? Pick<decimal?>(null, floor) : points * (count - i) / (count + 1);
                builder.Grade(name, min, Pick(1.3m, 1.1m, 1m, 0.7m, 0m), n =>
                {
                    if (Chance(0.4))
                    {
                        n.Name(Text());
                    }

                    foreach (var culture in Subset(Cultures))
                    {
                        n.Name(culture, Text());
                    }
                });
            }

            return names;
        }

        private void Gates(SchemeBuilder builder, List<string> grades)
        {
            var count = random.Next(0, 4);
            for (var k = 0; k < count; k++)
            {
                builder.Gate("gate_" + k, g =>
                {
                    if (Chance(0.3))
                    {
                        g.Name(Text());
                    }

                    foreach (var culture in Subset(Cultures))
                    {
                        g.Name(culture, Text());
                    }

                    var valueCandidates = nodes.Where(n => n.IsIndicator && !n.IsRating).ToList();
                    var kind = random.Next(4);
                    if (kind == 0 && valueCandidates.Count == 0)
                    {
                        kind = 1;
                    }

                    string? zeroable = null;
                    switch (kind)
                    {
                        case 0:
                        {
                            var node = Pick([.. valueCandidates]);
                            g.OnValue(Spell(node.Path), Pick(10m, 0.5m, -2m));
                            if (!node.HasDirection || Chance(0.3))
                            {
                                g.Direction(Pick(ScoreDirection.HigherIsBetter, ScoreDirection.LowerIsBetter));
                            }

                            zeroable = Pick([.. nodes]).Path;
                            break;
                        }

                        case 1:
                        {
                            var node = Pick([.. nodes]);
                            g.OnScore(Spell(node.Path), Pick(0.6m, 1m, 0m));
                            zeroable = node.IsIndicator ? Pick([.. nodes]).Path : node.Path;
                            break;
                        }

                        case 2:
                            g.OnBase(Pick(60m, 0.5m));
                            break;
                        default:
                            g.OnTotal(Pick(60m, 99.99m));
                            break;
                    }

                    if (zeroable is not null && Chance(0.4))
                    {
                        g.ZeroScore(Spell(zeroable));
                    }
                    else if (Chance(0.5))
                    {
                        g.CapGrade(Pick([.. grades]));
                    }
                    else
                    {
                        g.CancelPayout();
                    }

                    if (Chance(0.3))
                    {
                        g.PassWhenMissing();
                    }
                });
            }
        }

        private void Adjustments(SchemeBuilder builder, bool withBonus)
        {
            var groups = nodes.Where(n => !n.IsIndicator).Select(n => n.Path).ToList();
            var count = random.Next(withBonus ? 1 : 0, 4);
            for (var k = 0; k < count; k++)
            {
                var bonus = withBonus && (k == 0 || Chance(0.5));
                void Configure(AdjustmentBuilder a)
                {
                    if (Chance(0.3))
                    {
                        a.Name(Text());
                    }

                    foreach (var culture in Subset(Cultures))
                    {
                        a.Name(culture, Text());
                    }

                    if (!bonus && Chance(0.5))
                    {
                        a.ScopedTo(Spell(Pick([.. groups])));
                    }

                    if (Chance(0.5))
                    {
                        a.ZeroWhenMissing();
                    }
                }

                if (bonus)
                {
                    builder.Bonus("adj_" + k, "units.b" + k, Pick(2.5m, 1m, 0m), Pick<decimal?>(null, 5m), Configure);
                }
                else
                {
                    builder.Penalty("adj_" + k, "units.p" + k, Pick(2m, 0.5m), Pick<decimal?>(null, 10m, 0m), Configure);
                }
            }
        }

        /// <summary>Writes a node path as a user might: plain, or with leading and trailing slashes (the root as "/" or "").</summary>
        private string Spell(string path) => path.Length == 0 ? Pick("/", "") : Pick(path, "/" + path, path + "/");

        private string Text() => Pick(Texts);

        private bool Chance(double p) => random.NextDouble() < p;

        private T Pick<T>(params T[] items) => items[random.Next(items.Length)];

        private List<string> Subset(string[] items) => [.. items.Where(_ => Chance(0.35))];
    }
}
