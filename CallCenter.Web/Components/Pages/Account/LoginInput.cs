namespace CallCenter.Web.Components.Pages.Account;

/// <summary>The fields of the sign-in form (posted as Input.UserName, Input.Password, Input.RememberMe).</summary>
public sealed class LoginInput
{
    public string UserName { get; set; } = "";

    public string Password { get; set; } = "";

    public bool RememberMe { get; set; }
}
