namespace CallCenter.Tests.Sip.Registrar;

/// <summary>What a sipp run left: its exit code (0 = every call succeeded), its output and its error log.</summary>
internal sealed record SippResult(int ExitCode, string Output, string ErrorLog)
{
    public override string ToString() => $"sipp exit {ExitCode}\n{ErrorLog}\n{Output[^Math.Min(Output.Length, 2000)..]}";
}
