using System.Reflection;

namespace Ops.Portal.Tests.Support;

/// <summary>A stand-in for a service a component injects but the test never reaches; any call fails the test.</summary>
public class Unused<T> : DispatchProxy
    where T : class
{
    public static T Create() => DispatchProxy.Create<T, Unused<T>>();

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        throw new InvalidOperationException($"{typeof(T).Name}.{targetMethod?.Name} was not expected to be called");
}
