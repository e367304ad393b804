using System.Collections.Generic;
using PerfKit.Building;
using PerfKit.Model;
using PerfKit.Scoring;

namespace PerfKit.Templates;

/// <summary>Pieces shared by the embedded scheme templates: bilingual names, the standard grade bands and the 360 rating.</summary>
internal static class TemplateParts
{
    /// <summary>The culture of the Chinese names.</summary>
    public const string Chinese = "zh-CN";

    /// <summary>The culture of the English names (the English text is also the default name).</summary>
    public const string English = "en";

    /// <summary>The rater roles of the 360 ratings and their weights: superior 50, peer 30, subordinate 20.</summary>
    public static IReadOnlyList<KeyValuePair<string, decimal>> RaterWeights { get; } =
    [
        new("superior", 50m),
        new("peer", 30m),
        new("subordinate", 20m),
    ];

    /// <summary>Sets the default name and the <c>en</c> name to <paramref name="en"/>, and the <c>zh-CN</c> name.</summary>
    public static SchemeBuilder Named(this SchemeBuilder builder, string en, string zh)
        => builder.Name(en).Name(English, en).Name(Chinese, zh);

    /// <summary>Sets the default name and the <c>en</c> name to <paramref name="en"/>, and the <c>zh-CN</c> name.</summary>
    public static GroupBuilder Named(this GroupBuilder builder, string en, string zh)
        => builder.Name(en).Name(English, en).Name(Chinese, zh);

    /// <summary>Sets the default name and the <c>en</c> name to <paramref name="en"/>, and the <c>zh-CN</c> name.</summary>
    public static IndicatorBuilder Named(this IndicatorBuilder builder, string en, string zh)
        => builder.Name(en).Name(English, en).Name(Chinese, zh);

    /// <summary>Sets the default name and the <c>en</c> name to <paramref name="en"/>, and the <c>zh-CN</c> name.</summary>
    public static GateBuilder Named(this GateBuilder builder, string en, string zh)
        => builder.Name(en).Name(English, en).Name(Chinese, zh);

    /// <summary>Sets the default name and the <c>en</c> name to <paramref name="en"/>, and the <c>zh-CN</c> name.</summary>
    public static AdjustmentBuilder Named(this AdjustmentBuilder builder, string en, string zh)
        => builder.Name(en).Name(English, en).Name(Chinese, zh);

    /// <summary>Names the root group "Total score" / 综合得分.</summary>
    public static GroupBuilder TotalScore(this GroupBuilder root) => root.Named("Total score", "综合得分");

    /// <summary>
    /// The catalogue's grade bands (spec §7; seed 002: A 130%, D 70% of the reference pay):
    /// A ≥ 90 → 1.30, B ≥ 80 → 1.10, C ≥ 60 → 1.00, D otherwise → 0.70, with display names.
    /// </summary>
    public static SchemeBuilder StandardGrades(this SchemeBuilder builder) => builder
        .Grade("A", 90m, 1.30m, n => n.Name("Excellent").Name(English, "Excellent").Name(Chinese, "优秀"))
        .Grade("B", 80m, 1.10m, n => n.Name("Good").Name(English, "Good").Name(Chinese, "良好"))
        .Grade("C", 60m, 1.00m, n => n.Name("Satisfactory").Name(English, "Satisfactory").Name(Chinese, "合格"))
        .Grade("D", null, 0.70m, n => n.Name("Needs improvement").Name(English, "Needs improvement").Name(Chinese, "待改进"));

    /// <summary>
    /// A 360 rating on a 1–5 scale by superior, peer and subordinate (50/30/20), converted as rating ÷ full marks:
    /// s = min(combined ÷ 5, 1), so 5 scores 1, 4 scores 0.8 and 1 scores 0.2.
    /// </summary>
    public static ScorerSpec Rating360() => Scorers.Rating(1m, 5m, RaterWeights, target: 5m);

    /// <summary>
    /// Adds the capability section of a role template: professional skills 60 and core qualities 40 (percent), both rated 360.
    /// </summary>
    public static GroupBuilder CapabilitySection(this GroupBuilder parent, decimal weight, string professionalEn, string professionalZh)
        => parent.Section("capability", weight, WeightMode.Percent, c => c
            .Named("Capability", "能力评估")
            .Indicator("professional_skills", 60m, "capability_professional", Rating360(), i => i
                .Named(professionalEn, professionalZh).Tags("capability", "rating-360").Unit("rating 1-5"))
            .Indicator("core_qualities", 40m, "capability_core", Rating360(), i => i
                .Named("Core qualities (communication, customer service)", "核心素质（沟通能力、客户服务意识）").Tags("capability", "rating-360").Unit("rating 1-5")));

    /// <summary>
    /// Adds the attitude section of a role template: collaboration 40, compliance conduct 40 and innovation 20 (percent), all rated 360.
    /// </summary>
    public static GroupBuilder AttitudeSection(this GroupBuilder parent, decimal weight)
        => parent.Section("attitude", weight, WeightMode.Percent, a => a
            .Named("Attitude and behaviour", "态度与行为")
            .Indicator("collaboration", 40m, "attitude_collaboration", Rating360(), i => i
                .Named("Collaboration (cross-department work, knowledge sharing)", "协作性（跨部门项目参与、知识共享）").Tags("attitude", "rating-360").Unit("rating 1-5"))
            .Indicator("compliance_conduct", 40m, "attitude_compliance", Rating360(), i => i
                .Named("Compliance conduct (operating rules, anti-money-laundering)", "合规性（遵守操作规范、反洗钱流程执行）").Tags("attitude", "compliance", "rating-360").Unit("rating 1-5"))
            .Indicator("innovation", 20m, "attitude_innovation", Rating360(), i => i
                .Named("Innovation (adopted improvement proposals)", "创新性（流程优化建议被采纳）").Tags("attitude", "rating-360").Unit("rating 1-5")));
}
