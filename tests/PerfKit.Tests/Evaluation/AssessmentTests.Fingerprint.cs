using System;
using System.Security.Cryptography;
using System.Text;
using PerfKit.Demo;
using PerfKit.Evaluation;
using Xunit;

namespace PerfKit.Tests.Evaluation;

public sealed partial class AssessmentTests
{
    [Fact]
    public void Fingerprint_IsSha256OfSchemeAndInputFingerprints()
    {
        var input = Scenarios.ABank2023ScenarioTests.Subject();
        var assessment = SchemeEvaluator.Create(SampleSchemes.ABank2023()).EvaluateOrThrow(input);

        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(assessment.Scheme.Fingerprint + "\n" + input.Fingerprint)));
        Assert.Same(input, assessment.Input);
        Assert.Equal(input.Fingerprint, assessment.InputFingerprint);
        Assert.Equal(expected, assessment.Fingerprint);
    }

    [Fact]
    public void Fingerprint_OtherInput_Differs()
    {
        var evaluator = SchemeEvaluator.Create(SampleSchemes.ABank2023());

        var first = evaluator.EvaluateOrThrow(Scenarios.ABank2023ScenarioTests.Subject(newAccounts: 10m));
        var second = evaluator.EvaluateOrThrow(Scenarios.ABank2023ScenarioTests.Subject(newAccounts: 11m));

        // Both score 100 (new accounts capped at the target, no certificates), yet the inputs, and so the evaluations, differ.
        Assert.Equal(first.RoundedTotal, second.RoundedTotal);
        Assert.Equal(first.SchemeFingerprint, second.SchemeFingerprint);
        Assert.NotEqual(first.Fingerprint, second.Fingerprint);
    }
}
