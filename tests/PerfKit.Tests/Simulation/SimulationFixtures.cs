using System.Text.Json.Nodes;
using PerfKit.Evaluation;
using PerfKit.Model;
using PerfKit.Serialization;
using PerfKit.Templates;

namespace PerfKit.Tests.Simulation;

/// <summary>The A-bank scheme, its "scale 50%" variant, and a small hand-computed population.</summary>
internal static class SimulationFixtures
{
    /// <summary>
    /// The A-bank template with the scale indicators' weight lowered from 70% to 50% and the net balance gate relaxed
    /// from 500 to 400, written as a variant scheme file. Monthly (points 100): new accounts 30, net new accounts 20,
    /// exam 25, mentoring 15, activity 10. Quarterly (points 100): visits 20, net balance growth 50, overdue 10, NPL 20.
    /// Scale share: 0.5 × (30 + 20) / 100 + 0.5 × 50 / 100 = 0.25 + 0.25 = 0.50.
    /// </summary>
    public static Scheme Scale50()
    {
        var json = JsonNode.Parse(SchemeTemplates.GetJson("a-bank-2023"))!;
        json["version"] = "2023.1-scale50";
        var monthly = json["root"]!["children"]![0]!["children"]!;
        decimal[] monthlyWeights = [30m, 20m, 25m, 15m, 10m];
        for (var i = 0; i < monthlyWeights.Length; i++)
        {
            monthly[i]!["weight"] = monthlyWeights[i];
        }

        var quarterly = json["root"]!["children"]![1]!["children"]!;
        decimal[] quarterlyWeights = [20m, 50m, 10m, 20m];
        for (var i = 0; i < quarterlyWeights.Length; i++)
        {
            quarterly[i]!["weight"] = quarterlyWeights[i];
        }

        json["gates"]![2]!["threshold"] = 400m;
        return SchemeFile.LoadOrThrow(json.ToJsonString());
    }

    /// <summary>One A-bank subject: new accounts, net new accounts, exam, mentoring, activity, visits, net balance growth; overdue 1%, no certificates, base pay 10,000.</summary>
    public static SubjectInputBuilder Subject(string id, string department, decimal na, decimal nna, decimal exam, decimal mentoring, decimal activity, decimal visits, decimal nbg)
        => SubjectInput.For(id).Attribute("department", department)
            .Value("new_accounts", na).Value("net_new_accounts", nna).Value("monthly_exam", exam).Value("mentoring", mentoring)
            .Value("activity", activity).Value("customer_visits", visits).Value("net_balance_growth", nbg)
            .Value("overdue_rate", 1m).Value("certificates", 0m).BasePay(10000m);

    /// <summary>
    /// Five subjects; S1–S4 have an NPL rate of 0.5% (score 1); S5 has none, so it fails under both schemes.
    /// S1 retail "scale star": 10, 6, exam 50, 0, 0, visits 30, 500. S2 retail all-rounder: 8, 6, 100, 2, 4, 60, 400.
    /// S3 sme at target: 10, 6, 100, 2, 4, 60, 500. S4 sme no scale: 0, 0, 100, 2, 4, 60, 0. S5 retail: S3's values without NPL.
    /// </summary>
    public static SubjectInput[] Population() =>
    [
        Subject("S1", "retail", 10m, 6m, 50m, 0m, 0m, 30m, 500m).Value("npl_rate", 0.5m).Build(),
        Subject("S2", "retail", 8m, 6m, 100m, 2m, 4m, 60m, 400m).Value("npl_rate", 0.5m).Build(),
        Subject("S3", "sme", 10m, 6m, 100m, 2m, 4m, 60m, 500m).Value("npl_rate", 0.5m).Build(),
        Subject("S4", "sme", 0m, 0m, 100m, 2m, 4m, 60m, 0m).Value("npl_rate", 0.5m).Build(),
        Subject("S5", "retail", 10m, 6m, 100m, 2m, 4m, 60m, 500m).Build(),
    ];
}
