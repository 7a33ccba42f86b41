using System.Globalization;

namespace CallCenter.Core.Demo;

/// <summary>Reads the demo simulation's settings.</summary>
public static class DemoSimulationSettings
{
    /// <summary>
    /// The extensions of a list like <c>1002-1010</c> or <c>1002, 1004-1006</c>, in order, without duplicates.
    /// Throws <see cref="FormatException"/> for anything else (so a typo stops the simulation with a clear log line).
    /// </summary>
    public static IReadOnlyList<string> ParseExtensions(string? list)
    {
        var extensions = new List<string>();
        foreach (var part in (list ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var dash = part.IndexOf('-', StringComparison.Ordinal);
            var first = dash < 0 ? part : part[..dash].Trim();
            var last = dash < 0 ? part : part[(dash + 1)..].Trim();
            if (!int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var from)
                || !int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var to) || to < from || to - from > 10_000)
            {
                throw new FormatException($"'{part}' is no extension or range of extensions (e.g. 1002-1010).");
            }
            for (var n = from; n <= to; n++)
            {
                var extension = n.ToString(CultureInfo.InvariantCulture).PadLeft(first.Length, '0');
                if (!extensions.Contains(extension))
                {
                    extensions.Add(extension);
                }
            }
        }
        return extensions;
    }
}
