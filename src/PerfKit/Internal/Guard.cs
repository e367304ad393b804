using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace PerfKit.Internal;

/// <summary>Argument checks for misuse of the API (data problems are values, not exceptions).</summary>
internal static class Guard
{
    public static T NotNull<T>(T? value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where T : class
        => value ?? throw new ArgumentNullException(name);

    public static string NotBlank(string? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("The value must not be empty or white space.", name);
        }

        return value;
    }

    public static IEnumerable<T> NoNullItems<T>(IEnumerable<T?>? values, [CallerArgumentExpression(nameof(values))] string? name = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(values, name);
        var list = new List<T>();
        foreach (var item in values)
        {
            list.Add(item ?? throw new ArgumentException("The sequence must not contain null items.", name));
        }

        return list;
    }

    public static void State(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }
}
