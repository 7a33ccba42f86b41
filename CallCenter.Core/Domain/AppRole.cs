using Microsoft.AspNetCore.Identity;

namespace CallCenter.Core.Domain;

public class AppRole : IdentityRole<Guid>
{
    public AppRole() { }
    public AppRole(string name) : base(name) { }
}
