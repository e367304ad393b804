using System;
using System.Globalization;

namespace PerfKit.Tests.Internal;

/// <summary>Runs code under a forced current culture and restores the previous one afterwards.</summary>
internal static class ForcedCulture
{
    public static void Run(string cultureName, Action action)
    {
        var previous = CultureInfo.CurrentCulture;
        var previousUi = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(cultureName);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(cultureName);
            action();
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
            CultureInfo.CurrentUICulture = previousUi;
        }
    }
}
