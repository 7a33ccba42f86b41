namespace CallCenter.Core.Domain;

/// <summary>The role names of the product; pages and endpoints authorize by these.</summary>
public static class Roles
{
    public const string Agent = "Agent";
    public const string ShiftLeader = "ShiftLeader";
    public const string Supervisor = "Supervisor";
    public const string Manager = "Manager";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Agent, ShiftLeader, Supervisor, Manager, Admin];

    /// <summary>Comma lists for <c>[Authorize(Roles = ...)]</c>.</summary>
    public const string AdminOrManager = Admin + "," + Manager;
    public const string TakesCalls = Agent + "," + ShiftLeader;
    public const string LeadersAndAbove = ShiftLeader + "," + Supervisor + "," + Manager + "," + Admin;
    public const string SupervisorsAndAbove = Supervisor + "," + Manager + "," + Admin;
}
