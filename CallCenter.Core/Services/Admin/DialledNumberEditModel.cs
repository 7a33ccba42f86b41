using CallCenter.Core.Domain;

namespace CallCenter.Core.Services.Admin;

/// <summary>A dialled number and its route (号码与路由), as listed and edited.</summary>
public sealed class DialledNumberEditModel
{
    public Guid Id { get; set; }
    public string Number { get; set; } = "";
    public RouteTargetType TargetType { get; set; } = RouteTargetType.Queue;
    /// <summary>Queue name, extension or IVR flow name, depending on <see cref="TargetType"/>.</summary>
    public string? Target { get; set; }
    public string? Description { get; set; }
    /// <summary>The version the editor loaded; ignored when creating.</summary>
    public Guid Version { get; set; }
}
