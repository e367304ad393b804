using System;
using System.Security.Cryptography;
using System.Text;

namespace PerfKit.Internal;

/// <summary>The audit fingerprints' hashing (spec §9), one place for every result and input that carries one.</summary>
internal static class Fingerprints
{
    /// <summary>SHA-256, 64 lowercase hex digits, of a text's UTF-8 bytes.</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>An evaluation's fingerprint: SHA-256 of <c>scheme + "\n" + input</c>.</summary>
    public static string Combine(string schemeFingerprint, string inputFingerprint) => Hash(schemeFingerprint + "\n" + inputFingerprint);
}
