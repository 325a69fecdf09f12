using System.Reflection;
using System.Reflection.Emit;
using Microsoft.AspNetCore.Components;

namespace Ops.Portal.Tests.Auth;

/// <summary>
/// Ops.Portal sees Ops.Infrastructure's internals (hosting needs them: the cookie pipeline, SSO endpoints, CLI verbs),
/// so "internal" alone would not keep pages away from the unchecked methods that take a user id. This test reads the
/// IL of every component (pages, dialogs, account pages, with their async state machines and lambdas) and fails on
/// any call into a member of Ops.Infrastructure that is not public, or declared on a type that is not.
/// </summary>
public sealed class PageCallsTests
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    [Fact]
    public void NoComponent_CallsAnInternalMemberOfInfrastructure()
    {
        var infrastructure = typeof(Ops.Infrastructure.Auth.IProfileService).Assembly;
        var components = typeof(Program).Assembly.GetTypes().Where(t => typeof(IComponent).IsAssignableFrom(t)).ToList();
        Assert.NotEmpty(components);

        var offences = components.SelectMany(WithNested)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Cast<MethodBase>()
                .Concat(t.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)))
            .SelectMany(caller => Callees(caller).Select(callee => (caller, callee)))
            .Where(c => c.callee.DeclaringType?.Assembly == infrastructure && (!c.callee.IsPublic || !c.callee.DeclaringType.IsVisible))
            .Select(c => $"{Outermost(c.caller.DeclaringType!).Name} calls {c.callee.DeclaringType!.Name}.{c.callee.Name}")
            .Distinct()
            .ToList();

        Assert.True(offences.Count == 0, string.Join("\n", offences));
    }

    private static IEnumerable<Type> WithNested(Type type) =>
        type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic).SelectMany(WithNested).Prepend(type);

    private static Type Outermost(Type type) => type.DeclaringType is { } outer ? Outermost(outer) : type;

    /// <summary>The methods a method calls (call, callvirt, newobj, ldftn), read from its IL.</summary>
    private static IEnumerable<MethodBase> Callees(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            var value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            var op = OpCodesByValue[value];
            if (op.OperandType == OperandType.InlineMethod)
            {
                MethodBase? callee = null;
                try
                {
                    callee = method.Module.ResolveMethod(BitConverter.ToInt32(il, i), typeArgs, methodArgs);
                }
                catch (ArgumentException)
                {
                    // A token in generic context we cannot close: not a call into our assemblies' non-generic members.
                }

                if (callee is not null)
                {
                    yield return callee;
                }
            }

            i += op.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, i)),
                _ => 4,
            };
        }
    }
}
