using System.Collections.Generic;
using System.Globalization;
using PerfKit.Model;
using Xunit;

namespace PerfKit.Tests.Model;

public sealed class LocalizedTextTests
{
    private static LocalizedText Text(params (string Culture, string Text)[] byCulture)
        => LocalizedText.Create("New accounts", System.Linq.Enumerable.Select(byCulture, p => new KeyValuePair<string, string>(p.Culture, p.Text)));

    [Fact]
    public void Get_ExactCulture_WinsOverItsParent()
        => Assert.Equal("新增户数", Text(("zh-CN", "新增户数"), ("zh", "新增")).Get(CultureInfo.GetCultureInfo("zh-CN")));

    [Fact]
    public void Get_CultureWithoutText_FallsBackToTheLanguage()
        => Assert.Equal("新增", Text(("zh", "新增")).Get(CultureInfo.GetCultureInfo("zh-CN"))); // zh-CN → zh-Hans → zh

    [Fact]
    public void Get_NeitherCultureNorLanguage_FallsBackToTheDefault()
    {
        var text = Text(("zh-CN", "新增户数"));

        Assert.Equal("New accounts", text.Get(CultureInfo.GetCultureInfo("en-US")));
        Assert.Equal("New accounts", text.Get(CultureInfo.GetCultureInfo("zh-TW")));   // a sibling is not a parent
        Assert.Equal("New accounts", text.Get(CultureInfo.InvariantCulture));
        Assert.Equal("New accounts", text.Get((CultureInfo?)null));
    }

    [Fact]
    public void Get_ByName_FallsBackFromCultureToLanguageToDefault()
    {
        var text = Text(("zh", "新增"), ("en-GB", "New accounts (UK)"));

        Assert.Equal("新增", text.Get("zh-CN"));
        Assert.Equal("新增", text.Get("zh"));
        Assert.Equal("New accounts (UK)", text.Get("en-GB"));
        Assert.Equal("New accounts", text.Get("en-US"));   // no 'en' entry
        Assert.Equal("New accounts", text.Get("fr"));
        Assert.Equal("New accounts", text.Get(""));
        Assert.Equal("New accounts", text.Get((string?)null));
    }

    [Fact]
    public void Get_ByName_IgnoresCase()
        => Assert.Equal("新增户数", Text(("zh-CN", "新增户数")).Get("ZH-cn"));

    [Fact]
    public void Equals_SameTexts_AreEqual()
    {
        Assert.Equal(Text(("zh-CN", "新增户数")), Text(("zh-CN", "新增户数")));
        Assert.Equal(Text(("zh-CN", "新增户数")).GetHashCode(), Text(("zh-CN", "新增户数")).GetHashCode());
        Assert.NotEqual(Text(("zh-CN", "新增户数")), Text(("zh-CN", "新增")));
        Assert.NotEqual(Text(("zh-CN", "新增户数")), Text());
        Assert.False(Text().Equals(null));
    }

    [Fact]
    public void ToString_IsTheDefaultText()
        => Assert.Equal("New accounts", Text(("zh-CN", "新增户数")).ToString());

    [Fact]
    public void Names_FromTheBuilder_FallBackLikeThis()
    {
        var scheme = PerfKit.Demo.SampleSchemes.ABank2023();
        Assert.True(scheme.TryFindNode("monthly", out var monthly));

        Assert.Equal("月度考核", monthly.Names.Get(CultureInfo.GetCultureInfo("zh-CN")));
        Assert.Equal("Monthly assessment", monthly.Names.Get(CultureInfo.GetCultureInfo("de-DE")));
        Assert.Equal("new_accounts", scheme.Indicators[0].Id);
        Assert.Equal("New accounts", scheme.Indicators[0].Names.Default);
    }
}
