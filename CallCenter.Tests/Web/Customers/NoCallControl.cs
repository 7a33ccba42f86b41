using System.Reflection;

using CallCenter.Telephony.Calls.Control;

namespace CallCenter.Tests.Web.Customers;

/// <summary>A call-control API that records originations and refuses nothing (the components only dial).</summary>
public class NoCallControl : DispatchProxy
{
    public List<(string Extension, string Number)> Originated { get; } = [];

    public static (ICallControl Api, NoCallControl Log) Create()
    {
        var api = DispatchProxy.Create<ICallControl, NoCallControl>();
        return (api, (NoCallControl)(object)api);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (targetMethod?.Name == nameof(ICallControl.OriginateAsync))
        {
            Originated.Add(((string)args![0]!, (string)args[1]!));
        }
        return Task.FromResult(CallControlResult.Ok());
    }
}
