namespace CallCenter.Core.Domain;

/// <summary>
/// An IVR menu tree. The nodes (play, menu with digit branches, collect, lookup, goto target)
/// are kept as a JSON document the IVR runtime interprets, so flows change without schema changes.
/// </summary>
public class IvrFlow : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>Unique key used by dialled numbers, e.g. "main".</summary>
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string DefinitionJson { get; set; } = "{}";
    public bool IsActive { get; set; } = true;
    public Guid Version { get; set; } = Guid.NewGuid();
}
