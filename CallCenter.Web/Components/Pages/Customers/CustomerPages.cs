namespace CallCenter.Web.Components.Pages.Customers;

/// <summary>Who may open the customer pages: everyone who talks to customers or runs those who do.</summary>
public static class CustomerPages
{
    /// <summary>The comma list of the pages' [Authorize(Roles = ...)] and of their navigation entry.</summary>
    public const string Roles = Core.Domain.Roles.TakesCalls + "," + Core.Domain.Roles.SupervisorsAndAbove;

    /// <summary>The search page.</summary>
    public const string ListPath = "/customers";

    /// <summary>The new-customer page.</summary>
    public const string NewPath = "/customers/new";

    /// <summary>A customer's page.</summary>
    public static string DetailPath(Guid id) => $"/customers/{id}";
}
