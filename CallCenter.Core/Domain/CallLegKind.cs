namespace CallCenter.Core.Domain;

public enum CallLegKind
{
    Customer,
    Agent,
    Consult,
    Conference,
    Monitor,
    Trunk,
}
