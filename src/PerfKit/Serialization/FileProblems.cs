using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;

namespace PerfKit.Serialization;

/// <summary>Collects a file's problems with byte offsets and turns them into <see cref="Problem"/>s with line and column.</summary>
internal sealed class FileProblems(int max)
{
    private readonly List<Pending> items = [];
    private bool overflowed;

    public int Count => items.Count;

    public bool HasAny => items.Count > 0 || overflowed;

    /// <summary>Gets a value indicating whether no more problems can be kept (further ones only mark the list as cut short).</summary>
    public bool IsFull => items.Count >= max;

    /// <summary>Notes that a problem was found after the list was full.</summary>
    public void MarkCutShort() => overflowed = true;

    public void Add(string code, string path, string? attemptedValue, string message, int offset)
    {
        if (items.Count >= max)
        {
            overflowed = true;
            return;
        }

        items.Add(new Pending(code, path, attemptedValue, message, offset, items.Count));
    }

    /// <summary>Sorts the problems by position in the file (then by the order found) and locates each one.</summary>
    public ImmutableArray<Problem> ToProblems(ReadOnlySpan<byte> text)
    {
        var length = text.Length;
        var sorted = items.OrderBy(p => Math.Min(p.Offset, length)).ThenBy(p => p.Order).ToList();
        if (overflowed)
        {
            sorted.Add(new Pending(ProblemCodes.JsonLimit, "$", max.ToString(CultureInfo.InvariantCulture),
                $"The file has more than {max.ToString(CultureInfo.InvariantCulture)} problems; only the first are reported. Fix them and load the file again.", text.Length, sorted.Count));
        }

        var result = ImmutableArray.CreateBuilder<Problem>(sorted.Count);
        var line = 1;
        var column = 1;
        var position = 0;
        foreach (var p in sorted)
        {
            var target = Math.Min(p.Offset, text.Length);
            for (; position < target; position++)
            {
                var b = text[position];
                if (b == (byte)'\n')
                {
                    line++;
                    column = 1;
                }
                else if ((b & 0xC0) != 0x80)
                {
                    column++;
                }
            }

            result.Add(new Problem(p.Code, p.Path, p.AttemptedValue, p.Message).At(line, column));
        }

        return result.MoveToImmutable();
    }

    private readonly record struct Pending(string Code, string Path, string? AttemptedValue, string Message, int Offset, int Order);
}
