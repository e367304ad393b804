using PerfKit.Model;

namespace PerfKit.DependencyInjection;

/// <summary>Where a scheme of the catalogue comes from.</summary>
internal enum SchemeSourceKind
{
    /// <summary>An embedded template, by name.</summary>
    Template,

    /// <summary>A scheme file, by full path.</summary>
    File,

    /// <summary>A scheme built in code.</summary>
    Scheme,
}

/// <summary>One configured source of the catalogue: a template name, a file's full path, or a scheme (text <c>id@version</c>).</summary>
internal sealed record SchemeSource(SchemeSourceKind Kind, string Text, Scheme? Scheme)
{
    /// <summary>Describes the source in a configuration error, e.g. <c>template 'a-bank-2023'</c>.</summary>
    public string Describe() => Kind switch
    {
        SchemeSourceKind.Template => $"template '{Text}'",
        SchemeSourceKind.File => $"scheme file '{Text}'",
        _ => $"scheme '{Text}' added in code",
    };
}
