using System.Reflection;

namespace Ops.Portal.Tests.Support;

/// <summary>
/// A service stand-in that answers the methods a test names (by method name, with the call's arguments) and fails the test
/// on any other call: for components that inject wide service interfaces of which a test reaches two methods.
/// </summary>
public class Stub<T> : DispatchProxy
    where T : class
{
    private IReadOnlyDictionary<string, Func<object?[], object?>> _answers = new Dictionary<string, Func<object?[], object?>>();

    public static T Create(params (string Method, Func<object?[], object?> Answer)[] answers)
    {
        var proxy = DispatchProxy.Create<T, Stub<T>>();
        ((Stub<T>)(object)proxy)._answers = answers.ToDictionary(a => a.Method, a => a.Answer, StringComparer.Ordinal);
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        _answers.TryGetValue(targetMethod!.Name, out var answer)
            ? answer(args ?? [])
            : throw new InvalidOperationException($"{typeof(T).Name}.{targetMethod.Name} was not expected to be called");
}
