using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PerfKit.Tests.Properties.Generators;
using Xunit;

namespace PerfKit.Tests.Properties;

/// <summary>Validation and weight laws of spec §2–§3, checked on random schemes.</summary>
public class SchemeBuilderPropertyTests
{
    private const decimal Tolerance = 1e-20m;

    /// <summary>§2/§3: one defect injected at a random node is rejected with a problem of the expected code naming that node or its member.</summary>
    [Property(MaxTest = 600)]
    public Property Build_OneRandomDefect_RejectedWithProblemNamingTheNode()
    {
        var gen =
            from s in SchemeGen.Scheme(SchemeOptions.Any)
            from defect in Defects.Inject(s)
            select defect;
        return Prop.ForAll(Arb.From(gen), c =>
        {
            Assert.Empty(SchemeFactory.ToBuilder(c.Valid).Validate());
            var built = SchemeFactory.ToBuilder(c.Broken).TryBuild(out var scheme, out var problems);
            Assert.False(built);
            Assert.Null(scheme);
            Assert.True(
                problems.Any(p => p.Code == c.Code && p.Path == c.Path),
                $"expected [{c.Code}] at '{c.Path}', got:\n" + string.Join("\n", problems));
            var thrown = Assert.Throws<SchemeValidationException>(() => SchemeFactory.ToBuilder(c.Broken).Build());
            Assert.Equal(problems.Select(p => p.ToString()), thrown.Problems.Select(p => p.ToString()));
        });
    }

    /// <summary>§2: every node's effective weight is the product of w / Σw along its path; the indicators' sum to 1.</summary>
    [Property(MaxTest = 500)]
    public Property Build_AnyScheme_EffectiveWeightsAreProductsOfSharesAndSumToOne()
        => Prop.ForAll(Arb.From(SchemeGen.Scheme(SchemeOptions.Any)), d =>
        {
            var scheme = SchemeFactory.Build(d);
            var expected = new Dictionary<string, decimal>(StringComparer.Ordinal) { [string.Empty] = 1m };
            foreach (var (group, path) in d.Groups())
            {
                var sum = group.Children.Sum(c => c.Weight);
                foreach (var child in group.Children)
                {
                    expected[SchemeDesc.ChildPath(path, child.Id)] = expected[path] * (child.Weight / sum);
                }
            }

            foreach (var (path, weight) in expected)
            {
                Assert.True(scheme.TryFindNode(path, out var node), $"no node '{path}'");
                Assert.True(Math.Abs(node.EffectiveWeight - weight) <= Tolerance, $"effective weight of '{path}': {node.EffectiveWeight}, product of shares {weight}");
            }

            var total = scheme.Indicators.Sum(i => i.EffectiveWeight);
            Assert.True(Math.Abs(total - 1m) <= Tolerance, $"indicators' effective weights sum to {total}");
        });
}
