using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PerfKit.DependencyInjection;
using PerfKit.Evaluation;
using PerfKit.Serialization;
using PerfKit.Templates;
using PerfKit.Tests.Evaluation;
using Xunit;

namespace PerfKit.Tests.DependencyInjection;

public sealed class SchemeEvaluatorCacheTests
{
    [Fact]
    public void GetOrCreate_SameSchemeTwice_ReturnsOneEvaluatorWithTheCacheOptions()
    {
        var options = new EvaluatorOptions { UnknownMeasures = UnknownMeasureHandling.Ignore };
        var cache = new SchemeEvaluatorCache(options);
        var scheme = DependencyInjectionFixtures.Small("s", "1");

        var first = cache.GetOrCreate(scheme);

        Assert.Same(first, cache.GetOrCreate(scheme));
        Assert.Same(scheme, first.Scheme);
        Assert.Same(options, first.Options);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void GetOrCreate_EquivalentInstances_ShareTheEvaluatorOfTheFirst()
    {
        using var _ = new CultureScope("de-DE");
        var template = SchemeTemplates.Load("a-bank-2023");
        var reloaded = SchemeFile.LoadOrThrow(SchemeTemplates.GetJson("a-bank-2023"));
        var cache = new SchemeEvaluatorCache();

        var evaluator = cache.GetOrCreate(template);

        Assert.NotSame(template, reloaded);
        Assert.Same(evaluator, cache.GetOrCreate(reloaded));
        Assert.Same(template, evaluator.Scheme);
    }

    [Fact]
    public void GetOrCreate_SchemesDifferingInOneVersion_GetTheirOwnEvaluators()
    {
        var cache = new SchemeEvaluatorCache();

        var first = cache.GetOrCreate(DependencyInjectionFixtures.Small("s", "1"));
        var second = cache.GetOrCreate(DependencyInjectionFixtures.Small("s", "2"));

        Assert.NotSame(first, second);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void GetOrCreate_ManyThreadsAtOnceOnANewScheme_AllGetTheOneEvaluator()
    {
        var cache = new SchemeEvaluatorCache();
        var scheme = SchemeTemplates.Load("mof-commercial-bank");
        const int Threads = 8;
        using var start = new Barrier(Threads);
        var results = new SchemeEvaluator[Threads];

        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, i =>
        {
            start.SignalAndWait(TimeSpan.FromSeconds(30));
            results[i] = cache.GetOrCreate(scheme);
        });

        Assert.All(results, r => Assert.Same(results[0], r));
        Assert.Equal(1, cache.Count);
    }

    [Property(MaxTest = 100)]
    public Property GetOrCreate_AnySequenceOfTemplates_OneEvaluatorPerFingerprintMatchingItsScheme()
    {
        var gen = Gen.ListOf(Gen.Elements(SchemeTemplates.Names.ToArray()));
        return Prop.ForAll(gen.ToArbitrary(), names =>
        {
            var cache = new SchemeEvaluatorCache();
            var evaluators = names.Select(n => (Scheme: SchemeTemplates.Load(n), Evaluator: cache.GetOrCreate(SchemeTemplates.Load(n)))).ToList();
            return evaluators.All(e => e.Evaluator.Scheme.Fingerprint == e.Scheme.Fingerprint)
                && evaluators.Select(e => e.Evaluator).Distinct().Count() == names.Distinct().Count()
                && cache.Count == names.Distinct().Count();
        });
    }

    [Fact]
    public void Constructor_NoOptions_UsesTheDefaults()
        => Assert.Same(EvaluatorOptions.Default, new SchemeEvaluatorCache().Options);

    [Fact]
    public void Constructor_InvalidOptions_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new SchemeEvaluatorCache(new EvaluatorOptions { PayRounding = null! }));
        Assert.Throws<ArgumentException>(() => new SchemeEvaluatorCache(new EvaluatorOptions { UnknownMeasures = (UnknownMeasureHandling)9 }));
    }

    [Fact]
    public void GetOrCreate_Null_ThrowsArgumentNullException()
        => Assert.Throws<ArgumentNullException>(() => new SchemeEvaluatorCache().GetOrCreate(null!));
}
