using System;
using System.Buffers;
using System.IO;
using System.Text;
using System.Text.Unicode;
using PerfKit.Internal;
using PerfKit.Model;
using PerfKit.Scoring;

namespace PerfKit.Serialization;

/// <summary>
/// Reads and writes schemes as strict JSON files (see <c>docs/scheme-files.md</c>). Loading builds the scheme through
/// <see cref="Building.SchemeBuilder"/>, so a file's syntax, shape and model problems come back together, each with a
/// JSON path, line and column. Writing gives the canonical form: fixed property order, canonical decimals, defaults
/// omitted, two-space indentation, LF line endings, UTF-8 without a byte order mark; <see cref="Scheme.Fingerprint"/>
/// is the SHA-256 of exactly these bytes.
/// </summary>
/// <remarks>
/// Thread-safe (stateless). Files may come from storage that is not fully trusted: every input ends either in a scheme
/// or in problems (never another exception) within the <see cref="SchemeFileLimits"/>; only I/O errors of a stream
/// propagate.
/// </remarks>
public static class SchemeFile
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Loads a scheme from UTF-8 bytes (a leading UTF-8 byte order mark is allowed) with the built-in scorer kinds and default limits.</summary>
    /// <param name="utf8">The file's bytes.</param>
    /// <returns>The scheme, or every problem found.</returns>
    public static SchemeLoadResult Load(ReadOnlySpan<byte> utf8)
        => Load(utf8, null, null);

    /// <summary>Loads a scheme from UTF-8 bytes (a leading UTF-8 byte order mark is allowed) with default limits.</summary>
    /// <param name="utf8">The file's bytes.</param>
    /// <param name="registry">The scorer kinds the scheme may use; <see cref="ScorerRegistry.Default"/> when null.</param>
    /// <returns>The scheme, or every problem found.</returns>
    public static SchemeLoadResult Load(ReadOnlySpan<byte> utf8, ScorerRegistry? registry)
        => Load(utf8, registry, null);

    /// <summary>Loads a scheme from UTF-8 bytes (a leading UTF-8 byte order mark is allowed), throwing when the file has problems; built-in scorer kinds and default limits.</summary>
    /// <param name="utf8">The file's bytes.</param>
    /// <returns>The scheme.</returns>
    /// <exception cref="SchemeLoadException">The file has problems; all of them are in <see cref="SchemeLoadException.Problems"/>.</exception>
    public static Scheme LoadOrThrow(ReadOnlySpan<byte> utf8)
        => LoadOrThrow(utf8, null, null);

    /// <summary>Loads a scheme from UTF-8 bytes (a leading UTF-8 byte order mark is allowed), throwing when the file has problems; default limits.</summary>
    /// <param name="utf8">The file's bytes.</param>
    /// <param name="registry">The scorer kinds the scheme may use; <see cref="ScorerRegistry.Default"/> when null.</param>
    /// <returns>The scheme.</returns>
    /// <exception cref="SchemeLoadException">The file has problems; all of them are in <see cref="SchemeLoadException.Problems"/>.</exception>
    public static Scheme LoadOrThrow(ReadOnlySpan<byte> utf8, ScorerRegistry? registry)
        => LoadOrThrow(utf8, registry, null);

    /// <summary>Loads a scheme from a stream of UTF-8 bytes with the built-in scorer kinds and default limits.</summary>
    /// <param name="stream">The stream, read from its current position to its end; it is not closed.</param>
    /// <returns>The scheme, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> cannot be read.</exception>
    /// <exception cref="IOException">Reading the stream failed.</exception>
    public static SchemeLoadResult Load(Stream stream)
        => Load(stream, null, null);

    /// <summary>Loads a scheme from a stream of UTF-8 bytes with default limits.</summary>
    /// <param name="stream">The stream, read from its current position to its end; it is not closed.</param>
    /// <param name="registry">The scorer kinds the scheme may use; <see cref="ScorerRegistry.Default"/> when null.</param>
    /// <returns>The scheme, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> cannot be read.</exception>
    /// <exception cref="IOException">Reading the stream failed.</exception>
    public static SchemeLoadResult Load(Stream stream, ScorerRegistry? registry)
        => Load(stream, registry, null);

    /// <summary>Loads a scheme from a stream of UTF-8 bytes, throwing when the file has problems; built-in scorer kinds and default limits.</summary>
    /// <param name="stream">The stream, read from its current position to its end; it is not closed.</param>
    /// <returns>The scheme.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> cannot be read.</exception>
    /// <exception cref="IOException">Reading the stream failed.</exception>
    /// <exception cref="SchemeLoadException">The file has problems; all of them are in <see cref="SchemeLoadException.Problems"/>.</exception>
    public static Scheme LoadOrThrow(Stream stream)
        => LoadOrThrow(stream, null, null);

    /// <summary>Loads a scheme from a stream of UTF-8 bytes, throwing when the file has problems; default limits.</summary>
    /// <param name="stream">The stream, read from its current position to its end; it is not closed.</param>
    /// <param name="registry">The scorer kinds the scheme may use; <see cref="ScorerRegistry.Default"/> when null.</param>
    /// <returns>The scheme.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> cannot be read.</exception>
    /// <exception cref="IOException">Reading the stream failed.</exception>
    /// <exception cref="SchemeLoadException">The file has problems; all of them are in <see cref="SchemeLoadException.Problems"/>.</exception>
    public static Scheme LoadOrThrow(Stream stream, ScorerRegistry? registry)
        => LoadOrThrow(stream, registry, null);

    /// <summary>Loads a scheme from JSON text with the built-in scorer kinds and default limits.</summary>
    /// <param name="json">The file's text.</param>
    /// <returns>The scheme, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static SchemeLoadResult Load(string json)
        => Load(json, null, null);

    /// <summary>Loads a scheme from JSON text with default limits.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="registry">The scorer kinds the scheme may use; <see cref="ScorerRegistry.Default"/> when null.</param>
    /// <returns>The scheme, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static SchemeLoadResult Load(string json, ScorerRegistry? registry)
        => Load(json, registry, null);

    /// <summary>Loads a scheme from JSON text, throwing when the file has problems; built-in scorer kinds and default limits.</summary>
    /// <param name="json">The file's text.</param>
    /// <returns>The scheme.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="SchemeLoadException">The file has problems; all of them are in <see cref="SchemeLoadException.Problems"/>.</exception>
    public static Scheme LoadOrThrow(string json)
        => LoadOrThrow(json, null, null);

    /// <summary>Loads a scheme from JSON text, throwing when the file has problems; default limits.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="registry">The scorer kinds the scheme may use; <see cref="ScorerRegistry.Default"/> when null.</param>
    /// <returns>The scheme.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="SchemeLoadException">The file has problems; all of them are in <see cref="SchemeLoadException.Problems"/>.</exception>
    public static Scheme LoadOrThrow(string json, ScorerRegistry? registry)
        => LoadOrThrow(json, registry, null);

    /// <summary>Loads a scheme from UTF-8 bytes (a leading UTF-8 byte order mark is allowed).</summary>
    /// <param name="utf8">The file's bytes.</param>
    /// <param name="registry">The scorer kinds the scheme may use; <see cref="ScorerRegistry.Default"/> when null.</param>
    /// <param name="limits">The limits; <see cref="SchemeFileLimits.Default"/> when null.</param>
    /// <returns>The scheme, or every problem found.</returns>
    public static SchemeLoadResult Load(ReadOnlySpan<byte> utf8, ScorerRegistry? registry, SchemeFileLimits? limits)
    {
        limits ??= SchemeFileLimits.Default;
        registry ??= ScorerRegistry.Default;
        var problems = new FileProblems(limits.MaxProblems);
        if (utf8.Length > limits.MaxBytes)
        {
            problems.Add(ProblemCodes.JsonLimit, JsonPath.Root, Count(utf8.Length), $"The file is {Count(utf8.Length)} bytes long; at most {Count(limits.MaxBytes)} are accepted.", 0);
            return Failed(problems, []);
        }

        var text = utf8.StartsWith(Utf8Bom) ? utf8[Utf8Bom.Length..] : utf8;
        if (text.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || text.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || text.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            problems.Add(ProblemCodes.JsonEncoding, JsonPath.Root, null, "The file starts with a UTF-16 or UTF-32 byte order mark; scheme files are UTF-8. Save the file as UTF-8.", 0);
            return Failed(problems, []);
        }

        if (!Utf8.IsValid(text))
        {
            var offset = FirstInvalidByte(text);
            problems.Add(ProblemCodes.JsonEncoding, JsonPath.Root, "0x" + text[offset].ToString("X2", System.Globalization.CultureInfo.InvariantCulture),
                "The file is not valid UTF-8 at this position; scheme files are UTF-8. Save the file as UTF-8.", offset);
            return Failed(problems, text);
        }

        if (text.Length >= 2 && (text[0] == 0 || text[1] == 0))
        {
            problems.Add(ProblemCodes.JsonEncoding, JsonPath.Root, null, "The file holds NUL bytes at its start, as UTF-16 or UTF-32 text does; scheme files are UTF-8. Save the file as UTF-8.", 0);
            return Failed(problems, text);
        }

        if (text.IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            problems.Add(ProblemCodes.JsonEmpty, JsonPath.Root, null, "The file is empty; a scheme file holds one JSON object.", 0);
            return Failed(problems, text);
        }

        var document = JsonTree.Parse(text, limits, problems);
        var scheme = document is null ? null : SchemeFileReader.Read(document, problems, limits, registry);
        return scheme is not null && !problems.HasAny ? new SchemeLoadResult(scheme, []) : Failed(problems, text);
    }

    /// <summary>Loads a scheme from a stream of UTF-8 bytes, reading at most <see cref="SchemeFileLimits.MaxBytes"/> + 1 bytes.</summary>
    /// <param name="stream">The stream, read from its current position to its end; it is not closed.</param>
    /// <param name="registry">The scorer kinds the scheme may use; <see cref="ScorerRegistry.Default"/> when null.</param>
    /// <param name="limits">The limits; <see cref="SchemeFileLimits.Default"/> when null.</param>
    /// <returns>The scheme, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> cannot be read.</exception>
    /// <exception cref="IOException">Reading the stream failed.</exception>
    public static SchemeLoadResult Load(Stream stream, ScorerRegistry? registry, SchemeFileLimits? limits)
    {
        Guard.NotNull(stream);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream cannot be read.", nameof(stream));
        }

        limits ??= SchemeFileLimits.Default;
        var cap = limits.MaxBytes + 1L;
        var buffer = new byte[(int)Math.Min(cap, 81_920)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (buffer.Length >= cap)
                {
                    break;
                }

                Array.Resize(ref buffer, (int)Math.Min(cap, buffer.Length * 2L));
            }

            var read = stream.Read(buffer, length, buffer.Length - length);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        return Load(buffer.AsSpan(0, length), registry, limits);
    }

    /// <summary>Loads a scheme from JSON text (a leading U+FEFF is treated as a byte order mark).</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="registry">The scorer kinds the scheme may use; <see cref="ScorerRegistry.Default"/> when null.</param>
    /// <param name="limits">The limits (<see cref="SchemeFileLimits.MaxBytes"/> counts the text's UTF-8 bytes); <see cref="SchemeFileLimits.Default"/> when null.</param>
    /// <returns>The scheme, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static SchemeLoadResult Load(string json, ScorerRegistry? registry, SchemeFileLimits? limits)
    {
        Guard.NotNull(json);
        limits ??= SchemeFileLimits.Default;
        if (json.Length > limits.MaxBytes)
        {
            var problems = new FileProblems(limits.MaxProblems);
            problems.Add(ProblemCodes.JsonLimit, JsonPath.Root, null, $"The text is longer than {Count(limits.MaxBytes)} bytes in UTF-8; at most that many are accepted.", 0);
            return Failed(problems, []);
        }

        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            if (Utf8.FromUtf16(json, bytes, out _, out var written, replaceInvalidSequences: false) != System.Buffers.OperationStatus.Done)
            {
                var problems = new FileProblems(limits.MaxProblems);
                problems.Add(ProblemCodes.JsonEncoding, JsonPath.Root, null, "The text holds an unpaired UTF-16 surrogate at this position, so it has no UTF-8 form.", written);
                return Failed(problems, bytes.AsSpan(0, written));
            }

            return Load(bytes.AsSpan(0, written), registry, limits);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>Loads a scheme from UTF-8 bytes, throwing when the file has problems.</summary>
    /// <param name="utf8">The file's bytes.</param>
    /// <param name="registry">The scorer kinds the scheme may use; <see cref="ScorerRegistry.Default"/> when null.</param>
    /// <param name="limits">The limits; <see cref="SchemeFileLimits.Default"/> when null.</param>
    /// <returns>The scheme.</returns>
    /// <exception cref="SchemeLoadException">The file has problems; all of them are in <see cref="SchemeLoadException.Problems"/>.</exception>
    public static Scheme LoadOrThrow(ReadOnlySpan<byte> utf8, ScorerRegistry? registry, SchemeFileLimits? limits)
        => OrThrow(Load(utf8, registry, limits));

    /// <summary>Loads a scheme from a stream of UTF-8 bytes, throwing when the file has problems.</summary>
    /// <param name="stream">The stream, read from its current position to its end; it is not closed.</param>
    /// <param name="registry">The scorer kinds the scheme may use; <see cref="ScorerRegistry.Default"/> when null.</param>
    /// <param name="limits">The limits; <see cref="SchemeFileLimits.Default"/> when null.</param>
    /// <returns>The scheme.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> cannot be read.</exception>
    /// <exception cref="IOException">Reading the stream failed.</exception>
    /// <exception cref="SchemeLoadException">The file has problems; all of them are in <see cref="SchemeLoadException.Problems"/>.</exception>
    public static Scheme LoadOrThrow(Stream stream, ScorerRegistry? registry, SchemeFileLimits? limits)
        => OrThrow(Load(stream, registry, limits));

    /// <summary>Loads a scheme from JSON text, throwing when the file has problems.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="registry">The scorer kinds the scheme may use; <see cref="ScorerRegistry.Default"/> when null.</param>
    /// <param name="limits">The limits; <see cref="SchemeFileLimits.Default"/> when null.</param>
    /// <returns>The scheme.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="SchemeLoadException">The file has problems; all of them are in <see cref="SchemeLoadException.Problems"/>.</exception>
    public static Scheme LoadOrThrow(string json, ScorerRegistry? registry, SchemeFileLimits? limits)
        => OrThrow(Load(json, registry, limits));

    /// <summary>Writes the scheme's canonical file form as UTF-8 bytes (no byte order mark).</summary>
    /// <param name="scheme">The scheme.</param>
    /// <returns>A new array holding the canonical bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scheme"/> is null.</exception>
    public static byte[] Write(Scheme scheme) => Guard.NotNull(scheme).CanonicalBytes.ToArray();

    /// <summary>Writes the scheme's canonical file form to a stream as UTF-8 bytes (no byte order mark).</summary>
    /// <param name="scheme">The scheme.</param>
    /// <param name="destination">The stream; it is not closed.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> cannot be written.</exception>
    /// <exception cref="IOException">Writing the stream failed.</exception>
    public static void Write(Scheme scheme, Stream destination)
    {
        Guard.NotNull(scheme);
        Guard.NotNull(destination);
        if (!destination.CanWrite)
        {
            throw new ArgumentException("The stream cannot be written.", nameof(destination));
        }

        destination.Write(scheme.CanonicalBytes.Span);
    }

    /// <summary>Writes the scheme's canonical file form as text.</summary>
    /// <param name="scheme">The scheme.</param>
    /// <returns>The canonical JSON text (LF line endings, a final line feed).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scheme"/> is null.</exception>
    public static string WriteString(Scheme scheme) => Encoding.UTF8.GetString(Guard.NotNull(scheme).CanonicalBytes.Span);

    /// <summary>
    /// Tells whether two schemes are the same rules: their canonical file forms are byte-identical (so their
    /// fingerprints are equal). Display names, defaults written out or left implicit, and the scorer kinds' versions
    /// all count; the order of grades as declared and the spelling of node paths (<c>/a/</c> or <c>a</c>) do not.
    /// </summary>
    /// <param name="first">One scheme.</param>
    /// <param name="second">The other scheme.</param>
    /// <returns>Whether the canonical forms are identical.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static bool AreEquivalent(Scheme first, Scheme second)
    {
        Guard.NotNull(first);
        Guard.NotNull(second);
        return ReferenceEquals(first, second) || first.CanonicalBytes.Span.SequenceEqual(second.CanonicalBytes.Span);
    }

    private static Scheme OrThrow(SchemeLoadResult result) => result.Scheme ?? throw new SchemeLoadException(result.Problems);

    private static SchemeLoadResult Failed(FileProblems problems, ReadOnlySpan<byte> text) => new(null, problems.ToProblems(text));

    private static int FirstInvalidByte(ReadOnlySpan<byte> text)
    {
        var offset = 0;
        while (offset < text.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(text[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return text.Length;
    }

    private static string Count(long n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
