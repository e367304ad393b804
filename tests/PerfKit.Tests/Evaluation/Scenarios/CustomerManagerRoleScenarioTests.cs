using PerfKit.Demo;
using PerfKit.Evaluation;
using Xunit;

namespace PerfKit.Tests.Evaluation.Scenarios;

/// <summary>
/// The customer-manager role template (SampleSchemes.CustomerManagerRole), worked by hand:
/// root (percent) task 60 { deposit growth 40 (0→2000), loan volume 40 (0→3000), intermediate income 20 (0→50) },
/// capability 25 { capability_360 }, attitude 15 { attitude_360 }; ratings on 1–5 with role weights
/// superior 50, peer 30, subordinate 20; s = (combined − 1) / (5 − 1).
/// </summary>
public sealed class CustomerManagerRoleScenarioTests
{
    private static readonly SchemeEvaluator Evaluator = SchemeEvaluator.Create(SampleSchemes.CustomerManagerRole());

    // task: deposit 1500 → 0.75, loans 3000 → 1, income 40 → 0.8 → (30 + 40 + 16) / 100 = 0.86.
    // capability: superior [4, 5] → 4.5, peer [4, 3] → 3.5, subordinate [5, 4, 3] → 4;
    //   combined = (50×4.5 + 30×3.5 + 20×4) / 100 = (225 + 105 + 80) / 100 = 4.1 → (4.1 − 1) / 4 = 0.775.
    // attitude: superior [4] → 4, peer [5, 4] → 4.5, no subordinate ratings → role dropped, others re-weighted:
    //   combined = (50×4 + 30×4.5) / (50 + 30) = 335 / 80 = 4.1875 → 3.1875 / 4 = 0.796875.
    // root = (60×0.86 + 25×0.775 + 15×0.796875) / 100 = (51.6 + 19.375 + 11.953125) / 100 = 0.82928125
    //   → base 82.928125 → rounded 82.93 → B (1.10).
    private static SubjectInput Worked(decimal basePay = 8000m) => SubjectInput.For("RM-7")
        .Value("deposit_daily_avg_growth", 1500m)
        .Value("loan_volume", 3000m)
        .Value("intermediate_income", 40m)
        .Ratings("capability_360", "superior", 4m, 5m)
        .Ratings("capability_360", "peer", 4m, 3m)
        .Ratings("capability_360", "subordinate", 5m, 4m, 3m)
        .Ratings("attitude_360", "superior", 4m)
        .Ratings("attitude_360", "peer", 5m, 4m)
        .BasePay(basePay)
        .Build();

    [Fact]
    public void Evaluate_WorkedSubject_TaskSection()
    {
        var a = Evaluator.EvaluateOrThrow(Worked());

        Assert.Equal(0.75m, a.Node("task/deposit_daily_avg_growth").Score);
        Assert.Equal(0.86m, a.Node("task").Score);
        Assert.Equal(0.24m, a.Node("task/loan_volume").EffectiveWeight);
    }

    [Fact]
    public void Evaluate_WorkedSubject_RatingCombinedFromRoleMeans()
    {
        var node = Evaluator.EvaluateOrThrow(Worked()).Node("capability/capability_360");

        Assert.Equal(0.775m, node.Score);
        Assert.Contains(node.Intermediates, kv => kv.Key == "combined" && kv.Value == 4.1m);
        Assert.Contains(node.Intermediates, kv => kv.Key == "mean.superior" && kv.Value == 4.5m);
        Assert.Contains(node.Intermediates, kv => kv.Key == "mean.peer" && kv.Value == 3.5m);
        Assert.Contains(node.Intermediates, kv => kv.Key == "mean.subordinate" && kv.Value == 4m);
        Assert.Empty(node.Notes);
    }

    [Fact]
    public void Evaluate_RoleWithoutRatings_DroppedReweightedAndNoted()
    {
        var node = Evaluator.EvaluateOrThrow(Worked()).Node("attitude/attitude_360");

        Assert.Equal(0.796875m, node.Score);
        Assert.Contains(node.Intermediates, kv => kv.Key == "combined" && kv.Value == 4.1875m);
        Assert.DoesNotContain(node.Intermediates, kv => kv.Key == "mean.subordinate");
        var note = Assert.Single(node.Notes);
        Assert.Contains("subordinate", note, System.StringComparison.Ordinal);
        Assert.False(node.IsMissing);
    }

    [Fact]
    public void Evaluate_WorkedSubject_TotalByHand()
    {
        // 8000 × 1.10 = 8800.00.
        var a = Evaluator.EvaluateOrThrow(Worked());

        Assert.Equal(0.82928125m, a.Root.Score);
        Assert.Equal(82.928125m, a.BasePoints);
        Assert.Equal(82.928125m, a.ExactTotal);
        Assert.Equal(82.93m, a.RoundedTotal);
        Assert.Equal("B", a.Grade.Name);
        Assert.Equal(8800m, a.Payout);

        // Contribution of attitude: 0.15 × 0.796875 × 100 = 11.953125.
        Assert.Equal(11.953125m, a.Node("attitude").Contribution);
    }

    [Fact]
    public void Evaluate_NoRatingsAtAll_ValueMissing()
    {
        // A rating indicator with no ratings is a missing value; its policy is the default (error).
        var input = SubjectInput.For("RM-8")
            .Value("deposit_daily_avg_growth", 1500m).Value("loan_volume", 3000m).Value("intermediate_income", 40m)
            .Ratings("capability_360", "superior", 4m)
            .Build();

        var result = Evaluator.Evaluate(input);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemCodes.ValueMissing, problem.Code);
        Assert.Equal("attitude/attitude_360", problem.Path);
        Assert.Equal("RM-8", problem.SubjectId);
    }

    [Fact]
    public void Evaluate_RolesGivenButEmpty_ValueMissing()
    {
        // Roles present with no ratings: no role rated → missing (no rater gave a rating), not a division by zero.
        var input = SubjectInput.For("RM-9")
            .Value("deposit_daily_avg_growth", 1500m).Value("loan_volume", 3000m).Value("intermediate_income", 40m)
            .Ratings("capability_360", "superior", 4m)
            .Ratings("attitude_360", "superior")
            .Ratings("attitude_360", "peer")
            .Build();

        var problem = Assert.Single(Evaluator.Evaluate(input).Problems);

        Assert.Equal(ProblemCodes.ValueMissing, problem.Code);
        Assert.Equal("attitude/attitude_360", problem.Path);
    }

    [Fact]
    public void Evaluate_RatingOutsideScale_RatingOutOfScale()
    {
        var input = SubjectInput.For("RM-10")
            .Value("deposit_daily_avg_growth", 1500m).Value("loan_volume", 3000m).Value("intermediate_income", 40m)
            .Ratings("capability_360", "superior", 4m, 6m)
            .Ratings("attitude_360", "superior", 4m)
            .Build();

        var problem = Assert.Single(Evaluator.Evaluate(input).Problems);

        Assert.Equal(ProblemCodes.RatingOutOfScale, problem.Code);
        Assert.Equal("capability/capability_360", problem.Path);
        Assert.Equal("RM-10", problem.SubjectId);
        Assert.Contains("6", problem.AttemptedValue, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_UndeclaredRaterRole_RatingUnknownRole()
    {
        var input = SubjectInput.For("RM-11")
            .Value("deposit_daily_avg_growth", 1500m).Value("loan_volume", 3000m).Value("intermediate_income", 40m)
            .Ratings("capability_360", "superior", 4m)
            .Ratings("attitude_360", "customer", 5m)
            .Build();

        var problem = Assert.Single(Evaluator.Evaluate(input).Problems);

        Assert.Equal(ProblemCodes.RatingUnknownRole, problem.Code);
        Assert.Equal("attitude/attitude_360", problem.Path);
    }
}
