using System;
using System.Globalization;
using System.Reflection;
using Xunit.Sdk;

namespace PerfKit.Tests.Serialization;

/// <summary>Runs each test of the class or method under the given current culture and UI culture, then restores them.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
internal sealed class ForcedCultureAttribute(string name) : BeforeAfterTestAttribute
{
    private CultureInfo? culture;
    private CultureInfo? uiCulture;

    public string Name { get; } = name;

    public override void Before(MethodInfo methodUnderTest)
    {
        culture = CultureInfo.CurrentCulture;
        uiCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(Name);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(Name);
    }

    public override void After(MethodInfo methodUnderTest)
    {
        CultureInfo.CurrentCulture = culture!;
        CultureInfo.CurrentUICulture = uiCulture!;
    }
}
