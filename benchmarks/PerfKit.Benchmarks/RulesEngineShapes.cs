using System;
using System.Collections.Generic;
using System.Text.Json;
using RulesEngine.Models;

namespace PerfKit.Benchmarks;

/// <summary>Helpers the RulesEngine expressions call (registered as a custom type): the linear score and min/clamp.</summary>
public static class Re
{
    /// <summary>Linear score (x − b) ÷ (t − b) clamped to [0, 1], as the scheme's linear scorer.</summary>
    /// <param name="x">The value.</param>
    /// <param name="b">The baseline.</param>
    /// <param name="t">The target.</param>
    /// <returns>The score.</returns>
    public static decimal Linear(decimal x, decimal b, decimal t)
    {
        var ratio = (x - b) / (t - b);
        return ratio < 0m ? 0m : ratio > 1m ? 1m : ratio;
    }

    /// <summary>The smaller of two decimals.</summary>
    /// <param name="a">One.</param>
    /// <param name="b">The other.</param>
    /// <returns>The smaller.</returns>
    public static decimal Min(decimal a, decimal b) => decimal.Min(a, b);

    /// <summary>Clamps a decimal.</summary>
    /// <param name="x">The value.</param>
    /// <param name="low">The lower bound.</param>
    /// <param name="high">The upper bound.</param>
    /// <returns>The clamped value.</returns>
    public static decimal Clamp(decimal x, decimal low, decimal high) => Math.Clamp(x, low, high);
}

/// <summary>
/// The A-bank scheme in Microsoft RulesEngine 6.0.1, in its two natural shapes: one rule whose output expression
/// computes the exact total, and one rule per indicator (plus the bonus and the three gates) with the host combining
/// the outputs. The host rounds, grades and pays in both. Same arithmetic and order as the scheme, so totals agree.
/// </summary>
public sealed class RulesEngineShapes
{
    private const string OneRuleWorkflow = "abank_total";
    private const string PerIndicatorWorkflow = "abank_indicators";

    private static readonly (string Rule, string Expression, decimal Weight)[] Monthly =
    [
        ("new_accounts", "Re.Linear(x.NewAccounts, 0, 10)", 50m),
        ("net_new_accounts", "Re.Linear(x.NetNewAccounts, 0, 6)", 30m),
        ("monthly_exam", "Re.Linear(x.MonthlyExam, 0, 100)", 10m),
        ("mentoring", "Re.Linear(x.Mentoring, 0, 2)", 6m),
        ("activity", "Re.Linear(x.Activity, 0, 4)", 4m),
    ];

    private static readonly (string Rule, string Expression, decimal Weight)[] Quarterly =
    [
        ("customer_visits", "Re.Linear(x.CustomerVisits, 0, 60)", 8m),
        ("net_balance_growth", "Re.Linear(x.NetBalanceGrowth, 0, 500)", 60m),
        ("overdue_rate", "Re.Linear(x.OverdueRate, 3, 1)", 12m),
        ("npl_rate", "Re.Linear(x.NplRate, 2, 0.5m)", 20m),
    ];

    private static readonly (string Rule, string Expression)[] Gates =
    [
        ("gate_new_accounts", "x.NewAccounts >= 10"),
        ("gate_net_new_accounts", "x.NetNewAccounts >= 6"),
        ("gate_net_balance", "x.NetBalanceGrowth >= 500"),
    ];

    private readonly RulesEngine.RulesEngine engine;

    /// <summary>Initializes a new instance of the <see cref="RulesEngineShapes"/> class from the workflows' JSON (as a host would load them).</summary>
    /// <param name="json">The workflows' JSON, from <see cref="WorkflowsJson"/> (one or both).</param>
    public RulesEngineShapes(params string[] json) => engine = new RulesEngine.RulesEngine(json, Settings);

    /// <summary>Gets the settings: the helper type registered, everything else default.</summary>
    public static ReSettings Settings => new() { CustomTypes = [typeof(Re)] };

    /// <summary>Gets both workflows as the JSON array RulesEngine reads.</summary>
    /// <returns>The JSON text.</returns>
    public static string[] WorkflowsJson()
    {
        var monthly = string.Join(" + ", Array.ConvertAll(Monthly, m => $"({m.Weight} * {m.Expression})"));
        var quarterly = string.Join(" + ", Array.ConvertAll(Quarterly, q => $"({q.Weight} * {q.Expression})"));
        var total = $"Re.Clamp(((((50 * (({monthly}) / 100)) + (50 * (({quarterly}) / 100))) / 100) * 100) + Re.Min(Re.Min(x.Certificates * 2.5m, 5), 5), 0, 105)";
        var one = new Workflow
        {
            WorkflowName = OneRuleWorkflow,
            Rules = [Output("total", total)],
        };
        var rules = new List<Rule>();
        foreach (var (rule, expression, _) in Monthly)
        {
            rules.Add(Output(rule, expression));
        }

        foreach (var (rule, expression, _) in Quarterly)
        {
            rules.Add(Output(rule, expression));
        }

        rules.Add(Output("certificates", "Re.Min(x.Certificates * 2.5m, 5)"));
        foreach (var (rule, expression) in Gates)
        {
            rules.Add(new Rule { RuleName = rule, Expression = expression, RuleExpressionType = RuleExpressionType.LambdaExpression });
        }

        var perIndicator = new Workflow { WorkflowName = PerIndicatorWorkflow, Rules = rules };
        return [JsonSerializer.Serialize(one), JsonSerializer.Serialize(perIndicator)];
    }

    /// <summary>Shape 1: the output expression computes the exact total; the host rounds and grades; the gates are host code.</summary>
    /// <param name="x">The subject.</param>
    /// <returns>The outcome.</returns>
    public ABankOutcome OneRule(in ABankInput x)
    {
        var results = engine.ExecuteAllRulesAsync(OneRuleWorkflow, new RuleParameter("x", x)).AsTask().GetAwaiter().GetResult();
        var exact = (decimal)results[0].ActionResult.Output;
        var cancelled = x.NewAccounts < 10m || x.NetNewAccounts < 6m || x.NetBalanceGrowth < 500m;
        return Finish(x, exact - decimal.Min(decimal.Min(x.Certificates * 2.5m, 5m), 5m), decimal.Min(decimal.Min(x.Certificates * 2.5m, 5m), 5m), exact, cancelled);
    }

    /// <summary>Shape 2: one rule per indicator, the bonus and each gate; the host forms the group means, base, bonus, clamp, rounding and grade.</summary>
    /// <param name="x">The subject.</param>
    /// <returns>The outcome.</returns>
    public ABankOutcome PerIndicator(in ABankInput x)
    {
        var results = engine.ExecuteAllRulesAsync(PerIndicatorWorkflow, new RuleParameter("x", x)).AsTask().GetAwaiter().GetResult();
        var at = 0;
        var monthly = 0m;
        foreach (var m in Monthly)
        {
            monthly += m.Weight * (decimal)results[at++].ActionResult.Output;
        }

        var quarterly = 0m;
        foreach (var q in Quarterly)
        {
            quarterly += q.Weight * (decimal)results[at++].ActionResult.Output;
        }

        var root = ((50m * (monthly / 100m)) + (50m * (quarterly / 100m))) / 100m;
        var basePoints = root * 100m;
        var bonus = decimal.Min((decimal)results[at++].ActionResult.Output, 5m);
        var cancelled = false;
        for (; at < results.Count; at++)
        {
            cancelled |= !results[at].IsSuccess;
        }

        return Finish(x, basePoints, bonus, Math.Clamp(basePoints + bonus, 0m, 105m), cancelled);
    }

    private static Rule Output(string name, string expression) => new()
    {
        RuleName = name,
        Expression = "true",
        RuleExpressionType = RuleExpressionType.LambdaExpression,
        Actions = new RuleActions { OnSuccess = new ActionInfo { Name = "OutputExpression", Context = new Dictionary<string, object> { ["Expression"] = expression } } },
    };

    private static ABankOutcome Finish(in ABankInput x, decimal basePoints, decimal bonus, decimal exact, bool cancelled)
    {
        var rounded = Math.Round(exact, 2, MidpointRounding.AwayFromZero);
        var (grade, coefficient) = rounded >= 90m ? ('A', 1.30m) : rounded >= 80m ? ('B', 1.10m) : rounded >= 60m ? ('C', 1.00m) : ('D', 0.70m);
        var payout = cancelled ? 0m : Math.Round(x.BasePay * coefficient, 2, MidpointRounding.AwayFromZero);
        return new ABankOutcome(basePoints, bonus, exact, rounded, grade, cancelled, payout);
    }
}
