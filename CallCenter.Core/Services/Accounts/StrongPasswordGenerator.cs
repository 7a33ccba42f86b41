using System.Security.Cryptography;

namespace CallCenter.Core.Services.Accounts;

/// <summary>Random passwords that satisfy any sensible Identity password policy.</summary>
internal static class StrongPasswordGenerator
{
    // No look-alikes (0/O, 1/l/I): the password is read off a log and typed by hand.
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnpqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Symbols = "!@#$%^&*-_=+?";
    private const string Alphabet = Upper + Lower + Digits + Symbols;

    public const int Length = 20;

    public static string Generate()
    {
        // Redraw rather than patch in missing classes, so every character stays uniformly random.
        while (true)
        {
            var candidate = RandomNumberGenerator.GetString(Alphabet, Length);
            if (candidate.AsSpan().IndexOfAny(Upper) >= 0
                && candidate.AsSpan().IndexOfAny(Lower) >= 0
                && candidate.AsSpan().IndexOfAny(Digits) >= 0
                && candidate.AsSpan().IndexOfAny(Symbols) >= 0)
            {
                return candidate;
            }
        }
    }
}
