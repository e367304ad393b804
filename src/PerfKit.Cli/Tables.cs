using System.Linq;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace PerfKit.Cli;

/// <summary>Spectre tables whose cells are plain text (never parsed as markup, so '[' in a name is safe).</summary>
internal static class Tables
{
    public static Table Create(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in headers)
        {
            var column = new TableColumn(new Spectre.Console.Text(header, new Style(decoration: Decoration.Bold)));
            table.AddColumn(column);
        }

        return table;
    }

    public static Table Right(this Table table, params int[] columns)
    {
        foreach (var index in columns)
        {
            table.Columns[index].RightAligned();
        }

        return table;
    }

    public static void Row(this Table table, params string[] cells)
        => table.AddRow(cells.Select(c => (IRenderable)new Spectre.Console.Text(c)).ToArray());
}
