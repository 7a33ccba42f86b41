using System.ComponentModel.DataAnnotations;

namespace CallCenter.Core.Options;

public class CallCenterOptions
{
    public const string Section = "CallCenter";

    /// <summary>SQLite database, recordings, voicemail, prompts, fax files, backups; relative to the working directory.</summary>
    [Required]
    public string DataDir { get; set; } = "data";

    public DatabaseOptions Database { get; set; } = new();
    public DemoOptions Demo { get; set; } = new();
    public AdminOptions Admin { get; set; } = new();
    public UiOptions Ui { get; set; } = new();
}
