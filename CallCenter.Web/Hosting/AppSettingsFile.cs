using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace CallCenter.Web.Hosting;

/// <summary>
/// The settings file is the repository root's appsettings.json (docs/CONTRACT.md). The default builder reads
/// appsettings.json from the content root, which is the working directory: right for
/// <c>dotnet run --project CallCenter.Web</c> from the root, wrong when started from anywhere else. The build
/// copies the root file next to the binaries, and this adds that copy too.
/// </summary>
internal static class AppSettingsFile
{
    public const string FileName = "appsettings.json";

    /// <summary>
    /// Inserts the copy beside the binaries just before the content root's file, so the content root's
    /// file, environment variables and the command line still override it, in that order.
    /// </summary>
    public static void AddCopyBesideBinaries(IConfigurationBuilder configuration)
    {
        var baseDirectory = AppContext.BaseDirectory;
        if (!File.Exists(Path.Combine(baseDirectory, FileName)))
        {
            return;
        }

        var source = new JsonConfigurationSource
        {
            FileProvider = new PhysicalFileProvider(baseDirectory),
            Path = FileName,
            Optional = true,
            ReloadOnChange = false,
        };
        var firstJson = configuration.Sources.ToList().FindIndex(s => s is JsonConfigurationSource);
        configuration.Sources.Insert(firstJson < 0 ? 0 : firstJson, source);
    }
}
