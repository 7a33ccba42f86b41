namespace CallCenter.Core.Services.Customers;

/// <summary>One page of a customer search and how many customers matched in all.</summary>
/// <param name="Items">The page, newest first.</param>
/// <param name="Total">Matches over all pages.</param>
public sealed record CustomerSearchPage(IReadOnlyList<CustomerSummary> Items, int Total);
