using System;
using System.Globalization;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PerfKit.Evaluation;
using PerfKit.Explanation;
using PerfKit.Tests.Properties.Generators;
using Xunit;

namespace PerfKit.Tests.Properties;

/// <summary>Determinism of spec §1/§9: the same scheme and inputs serialize to identical bytes.</summary>
public class AssessmentFormatterPropertyTests
{
    /// <summary>Evaluations run sequentially, in parallel, and under the de-DE and tr-TR cultures serialize to the same bytes.</summary>
    [Property(MaxTest = 500)]
    public Property ToUtf8Json_SequentialParallelAndForcedCultures_IdenticalBytes()
    {
        var gen =
            from s in SchemeGen.Scheme(SchemeOptions.Any)
            from count in Gen.Choose(1, 6)
            from subjects in Gen.CollectToArray(Enumerable.Range(1, count).Select(i => SchemeGen.Subject(s, SubjectOptions.Any, "s" + i.ToString(CultureInfo.InvariantCulture))))
            select new BatchCase(s, [.. subjects]);
        return Prop.ForAll(Arb.From(gen), c =>
        {
            var evaluator = SchemeEvaluator.Create(SchemeFactory.Build(c.Scheme));
            var inputs = c.Subjects.Select(SchemeFactory.ToInput).ToArray();
            byte[] Render(int i) => AssessmentFormatter.ToUtf8Json(evaluator.EvaluateOrThrow(inputs[i]));
            byte[][] Sequential() => [.. Enumerable.Range(0, inputs.Length).Select(Render)];
            byte[][] Parallel()
            {
                var bytes = new byte[inputs.Length][];
                System.Threading.Tasks.Parallel.For(0, inputs.Length, i => bytes[i] = Render(i));
                return bytes;
            }

            var expected = InCulture(CultureInfo.InvariantCulture, Sequential);
            AssertSame(expected, Sequential());
            AssertSame(expected, InCulture(CultureInfo.InvariantCulture, Parallel));
            foreach (var name in new[] { "de-DE", "tr-TR" })
            {
                var culture = CultureInfo.GetCultureInfo(name);
                AssertSame(expected, InCulture(culture, Sequential));
                AssertSame(expected, InCulture(culture, Parallel));
            }
        });
    }

    private static void AssertSame(byte[][] expected, byte[][] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(expected[i].AsSpan().SequenceEqual(actual[i]), $"subject {i + 1} serialized differently");
        }
    }

    private static T InCulture<T>(CultureInfo culture, Func<T> action)
    {
        var (current, currentUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = current;
            CultureInfo.CurrentUICulture = currentUi;
        }
    }
}
