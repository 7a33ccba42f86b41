using System.Collections.Frozen;

using CallCenter.Core.Domain;

namespace CallCenter.Core.Services.Recordings;

/// <summary>One level's recording rule with its parsed number list (for <see cref="RecordingRule.Selective"/>).</summary>
/// <param name="Rule">All, None or Selective.</param>
/// <param name="Numbers">The listed numbers, trimmed; empty unless Selective.</param>
public sealed record RecordingRuleSet(RecordingRule Rule, FrozenSet<string> Numbers)
{
    private static readonly char[] Separators = [',', ';', '\n', '\r', ' ', '\t', '，', '；'];

    /// <summary>The rule of a level, or null when it inherits (no rule set).</summary>
    public static RecordingRuleSet? From(RecordingRule? rule, string? numbers) =>
        rule is { } set ? new RecordingRuleSet(set, ParseNumbers(numbers)) : null;

    /// <summary>Splits a number list on commas, semicolons (also full-width, as typed with a Chinese IME) and line breaks.</summary>
    public static FrozenSet<string> ParseNumbers(string? numbers) =>
        (numbers ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToFrozenSet(StringComparer.Ordinal);
}
