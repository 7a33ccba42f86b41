namespace CallCenter.Core.Services.Admin;

/// <summary>Who makes an admin change and from where; written to the audit log with the change.</summary>
public sealed record AdminActor(string UserName, string? RemoteAddress);
