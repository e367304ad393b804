using System;
using System.Linq;
using PerfKit.History;
using PerfKit.Periods;
using PerfKit.Tests.Evaluation;
using Xunit;

namespace PerfKit.Tests.History;

public partial class HistoryRuleSetTests
{
    private const string Valid = """
        {
          "grades": ["A", "B", "C", "D"],
          "rules": [
            { "id": "promotion", "outcome": "management-promotion", "kind": "consecutiveGrades", "grade": "A", "comparison": "exactly", "count": 2, "period": "year" },
            { "id": "training", "outcome": "training-or-transfer", "kind": "anyGrade", "grade": "D", "comparison": "exactly", "period": "year" },
            { "id": "warning", "outcome": "warning", "kind": "consecutiveGrades", "grade": "C", "comparison": "worseThan", "count": 3.0, "period": "quarter" },
            { "id": "steady", "outcome": "steady-performer", "kind": "rollingMean", "comparison": "atLeast", "value": 85.5, "count": 4, "period": "quarter" }
          ]
        }
        """;

    [Fact]
    public void Load_ValidText_ReadsEveryRule()
    {
        using var _ = new CultureScope("de-DE");

        var set = HistoryRuleSet.Load(Valid);

        Assert.Equal(["A", "B", "C", "D"], set.Grades.ToArray());
        Assert.Equal(
            [
                "promotion: graded A in 2 consecutive year periods → management-promotion",
                "training: graded D in a year period → training-or-transfer",
                "warning: graded worse than C in 3 consecutive quarter periods → warning",
                "steady: mean total of 4 consecutive quarter periods ≥ 85.5 → steady-performer",
            ],
            set.Rules.Select(r => r.ToString()));
        Assert.Equal(85.5m, set.Rules[3].Value);
        Assert.Equal(PeriodKind.Quarter, set.Rules[3].PeriodKind);
    }

    [Fact]
    public void ToJson_LoadsBackToTheSameRules()
    {
        using var _ = new CultureScope("tr-TR");
        var set = HistoryRuleSet.Load(Valid);

        var text = set.ToJson();
        var again = HistoryRuleSet.Load(text);

        Assert.Equal(text, again.ToJson());
        Assert.Equal(set.Rules.Select(r => r.ToString()), again.Rules.Select(r => r.ToString()));
        Assert.Contains("\"value\": 85.5", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"grades":["A"],"grades":["B"],"rules":[]}""", "json.duplicateProperty", "$.grades")]
    [InlineData("""{"grades":["A"],"rules":[],"extra":1}""", "json.unknownProperty", "$.extra")]
    [InlineData("""{"grades":["A"],"Rules":[]}""", "json.unknownProperty", "$.Rules")]
    [InlineData("""{"grades":["A"]}""", "json.missingProperty", "$.rules")]
    [InlineData("""{"grades":null,"rules":[]}""", "json.null", "$.grades")]
    [InlineData("""{"grades":[1],"rules":[]}""", "json.type", "$.grades[0]")]
    [InlineData("""[]""", "json.type", "$")]
    [InlineData("""{"grades":["A"],"rules":[{"id":"r","outcome":"o","kind":"rollingMean","comparison":"atLeast","value":0.12345678901234567890123456789,"count":2,"period":"year"}]}""", "json.number", "$.rules[0].value")]
    [InlineData("""{"grades":["A"],"rules":[{"id":"r","outcome":"o","kind":"rollingMean","comparison":"atLeast","value":"85","count":2,"period":"year"}]}""", "json.type", "$.rules[0].value")]
    [InlineData("""{"grades":["A"],"rules":[{"id":"r","outcome":"o","kind":"consecutiveGrades","grade":"A","comparison":"exactly","count":2.5,"period":"year"}]}""", "history.count", "$.rules[0].count")]
    [InlineData("""{"grades":["A"],"rules":[{"id":"r","outcome":"o","kind":"anyGrade","grade":"A","comparison":"exactly","count":1,"period":"year"}]}""", "json.unknownProperty", "$.rules[0].count")]
    [InlineData("""{"grades":["A"],"rules":[{"id":"r","outcome":"o","kind":"anyGrade","grade":"A","comparison":"atLeast","period":"year"}]}""", "json.value", "$.rules[0].comparison")]
    [InlineData("""{"grades":["A"],"rules":[{"id":"r","outcome":"o","kind":"someday","period":"year","grade":"A"}]}""", "json.value", "$.rules[0].kind")]
    [InlineData("""{"grades":["A"],"rules":[{"id":"r","outcome":"o","kind":"rollingMean","grade":"A","comparison":"atLeast","value":1,"count":2,"period":"year"}]}""", "json.unknownProperty", "$.rules[0].grade")]
    [InlineData("""{"grades":["A"],"rules":[{"id":"r","outcome":"o","kind":"anyGrade","grade":"B","comparison":"exactly","period":"year"}]}""", "history.unknownGrade", "$.rules[0].grade")]
    [InlineData("""{"grades":["A"],"rules":[{"id":"r","outcome":"o","kind":"anyGrade","grade":"A","comparison":"exactly","period":"custom"}]}""", "history.periodKind", "$.rules[0].period")]
    [InlineData("""{"grades":["A"],"rules":[{"id":"r","outcome":"o","kind":"consecutiveGrades","grade":"A","comparison":"exactly","count":0,"period":"year"}]}""", "history.count", "$.rules[0].count")]
    [InlineData("""{"grades":["A","A"],"rules":[]}""", "history.gradeScale", "$.grades[1]")]
    [InlineData("""{"grades":["A"],"rules":[1]}""", "json.type", "$.rules[0]")]
    [InlineData("""{"grades":["A"],"rules":[{"id":"r","outcome":"o","kind":"anyGrade","grade":"A","comparison":"exactly","period":"year"},{"id":"r","outcome":"o","kind":"anyGrade","grade":"A","comparison":"exactly","period":"year"}]}""", "id.duplicate", "$.rules[1].id")]
    [InlineData("""{"grades":["A"],"rules":[""", "json.syntax", "$.rules[0]")]
    [InlineData("   ", "json.empty", "$")]
    public void TryLoad_BadText_ReportsCodeAndPath(string json, string code, string path)
    {
        using var _ = new CultureScope("de-DE");

        Assert.False(HistoryRuleSet.TryLoad(json, out var set, out var problems));

        Assert.Null(set);
        Assert.Contains(problems, p => p.Code == code && p.Path == path);
    }

    [Fact]
    public void TryLoad_ModelProblem_IsLocatedAtItsValue()
    {
        const string Text = "{\n  \"grades\": [\"A\"],\n  \"rules\": [\n    {\"id\": \"r\", \"outcome\": \"o\", \"kind\": \"anyGrade\", \"grade\": \"Z\", \"comparison\": \"exactly\", \"period\": \"year\"}\n  ]\n}";

        Assert.False(HistoryRuleSet.TryLoad(Text, out _, out var problems));

        // Line 4; "grade": "Z" — the value's quote is column 65 (4 spaces + the text before it).
        var problem = Assert.Single(problems);
        Assert.Equal((ProblemCodes.HistoryUnknownGrade, "$.rules[0].grade", "Z"), (problem.Code, problem.Path, problem.AttemptedValue));
        Assert.Equal(4, problem.Line);
        Assert.Equal(Text.Split('\n')[3].IndexOf("\"Z\"", StringComparison.Ordinal) + 1, problem.Column);
    }

    [Fact]
    public void TryLoad_SeveralProblems_AreAllReported()
    {
        const string Text = """{"grades":["A"],"rules":[{"id":"r","outcome":"o","kind":"anyGrade","grade":"A","comparison":"exactly","period":"year","x":1},{"id":"r","outcome":"o o","kind":"anyGrade","grade":"A","comparison":"exactly","period":"year"}]}""";

        Assert.False(HistoryRuleSet.TryLoad(Text, out _, out var problems));

        Assert.Equal(["json.unknownProperty", "id.duplicate", "id.invalid"], problems.Select(p => p.Code));
    }

    [Fact]
    public void Load_UnpairedSurrogate_IsAProblem()
    {
        var e = Assert.Throws<RuleValidationException>(() => HistoryRuleSet.Load("{\"grades\":[\"\ud800\"],\"rules\":[]}"));

        Assert.Equal(ProblemCodes.JsonEncoding, Assert.Single(e.Problems).Code);
    }
}
