using Microsoft.AspNetCore.Identity;

namespace CallCenter.Core.Domain;

/// <summary>A person who signs in to the web application (ASP.NET Core Identity user).</summary>
public class AppUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The agent profile when this user takes calls (agents, shift leaders).</summary>
    public Agent? Agent { get; set; }
}
