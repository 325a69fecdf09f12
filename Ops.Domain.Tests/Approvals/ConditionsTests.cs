using System.Text.Json;
using Ops.Domain.Approvals;
using static Ops.Domain.Tests.Approvals.ApprovalFixture;

namespace Ops.Domain.Tests.Approvals;

/// <summary>Rules on form fields and the exclusive branches they drive.</summary>
public sealed class ConditionsTests
{
    [Theory]
    [InlineData("12000", ConditionOperator.Greater, "10000", true)]
    [InlineData("10000", ConditionOperator.Greater, "10000", false)]
    [InlineData("\"10000.50\"", ConditionOperator.Greater, "10000", true)]
    [InlineData("10000", ConditionOperator.GreaterOrEqual, "10000", true)]
    [InlineData("9999.99", ConditionOperator.GreaterOrEqual, "10000", false)]
    [InlineData("5", ConditionOperator.Less, "10", true)]
    [InlineData("10", ConditionOperator.Less, "10", false)]
    [InlineData("10", ConditionOperator.LessOrEqual, "10", true)]
    [InlineData("11", ConditionOperator.LessOrEqual, "10", false)]
    [InlineData("\"2026-03-02\"", ConditionOperator.Greater, "\"2026-02-28\"", true)]
    [InlineData("\"abc\"", ConditionOperator.Greater, "\"abb\"", false)]
    [InlineData("\"it\"", ConditionOperator.Equal, "\"it\"", true)]
    [InlineData("\"it\"", ConditionOperator.Equal, "\"IT\"", false)]
    [InlineData("10", ConditionOperator.Equal, "10.0", true)]
    [InlineData("true", ConditionOperator.Equal, "true", true)]
    [InlineData("\"it\"", ConditionOperator.NotEqual, "\"hr\"", true)]
    [InlineData("\"it\"", ConditionOperator.NotEqual, "\"it\"", false)]
    [InlineData("\"it\"", ConditionOperator.In, "[\"hr\",\"it\"]", true)]
    [InlineData("\"ops\"", ConditionOperator.In, "[\"hr\",\"it\"]", false)]
    [InlineData("3", ConditionOperator.In, "[1,2,3]", true)]
    [InlineData("[\"a\",\"x\"]", ConditionOperator.In, "[\"x\"]", true)]
    [InlineData("\"it\"", ConditionOperator.In, "\"it\"", false)]
    [InlineData("[\"a\",\"b\"]", ConditionOperator.Contains, "\"b\"", true)]
    [InlineData("[\"a\",\"b\"]", ConditionOperator.Contains, "\"c\"", false)]
    [InlineData("[11,12]", ConditionOperator.Contains, "12", true)]
    [InlineData("\"urgent server fix\"", ConditionOperator.Contains, "\"server\"", true)]
    [InlineData("\"urgent\"", ConditionOperator.Contains, "\"server\"", false)]
    [InlineData("\"\"", ConditionOperator.IsEmpty, null, true)]
    [InlineData("[]", ConditionOperator.IsEmpty, null, true)]
    [InlineData("null", ConditionOperator.IsEmpty, null, true)]
    [InlineData("0", ConditionOperator.IsEmpty, null, false)]
    [InlineData("\"x\"", ConditionOperator.IsNotEmpty, null, true)]
    [InlineData("\"  \"", ConditionOperator.IsNotEmpty, null, false)]
    public void Operators_CompareTheFieldWithTheValue(string field, ConditionOperator op, string? value, bool expected)
    {
        var data = new Dictionary<string, JsonElement> { ["f"] = Parse(field) };

        Assert.Equal(expected, Conditions.Match(new FieldCondition("f", op, value is null ? null : Parse(value)), data));
    }

    [Theory]
    [InlineData(ConditionOperator.Equal, false)]
    [InlineData(ConditionOperator.NotEqual, false)]
    [InlineData(ConditionOperator.Greater, false)]
    [InlineData(ConditionOperator.In, false)]
    [InlineData(ConditionOperator.Contains, false)]
    [InlineData(ConditionOperator.IsEmpty, true)]
    [InlineData(ConditionOperator.IsNotEmpty, false)]
    public void AMissingField_MatchesOnlyIsEmpty(ConditionOperator op, bool expected)
    {
        Assert.Equal(expected, Conditions.Match(new FieldCondition("f", op, Parse("1")), new Dictionary<string, JsonElement>()));
    }

    [Fact]
    public void ConditionsOnAnEdge_AreAnded()
    {
        var data = Data(("amount", 20000), ("reason", "server"));
        FieldCondition[] both = [new("amount", ConditionOperator.Greater, Parse("10000")), new("reason", ConditionOperator.Equal, Parse("\"server\""))];

        Assert.True(Conditions.Match(both, data));
        Assert.False(Conditions.Match([both[0], new("reason", ConditionOperator.Equal, Parse("\"desk\""))], data));
        Assert.True(Conditions.Match([], data));
    }

    [Theory]
    [InlineData(50000, "ceo")]
    [InlineData(20000, "cfo")]
    [InlineData(10000, "lead")]
    [InlineData(5, "lead")]
    public void ABranch_TakesTheFirstEdgeThatHolds_ElseTheDefault(int amount, string node)
    {
        var instance = Submitted(Branching(), data: Data(("amount", amount)));

        Assert.Equal(node, instance.CurrentNodeKey);
        Assert.Equal(["start", "if", node, "end"], new ProcessGraph(Branching()).Route(instance.FormData));
    }

    /// <summary>start → if → ceo (amount ≥ 50000) | cfo (amount &gt; 10000) | lead (default) → end.</summary>
    internal static ApprovalProcess Branching()
    {
        ProcessNode[] nodes =
        [
            new StartNode("start"), new ConditionNode("if", "Amount"), Node("ceo", ApprovalMode.Single, 1),
            Node("cfo", ApprovalMode.Single, 2), Node("lead", ApprovalMode.Single, 3), new EndNode("end"),
        ];
        return new ApprovalProcess(
            nodes,
            [
                new("start", "if"),
                new("if", "lead", IsDefault: true),
                new("if", "ceo", [new("amount", ConditionOperator.GreaterOrEqual, Parse("50000"))]),
                new("if", "cfo", [new("amount", ConditionOperator.Greater, Parse("10000"))]),
                new("ceo", "end"), new("cfo", "end"), new("lead", "end"),
            ]);
    }

    private static JsonElement Parse(string json) => JsonSerializer.Deserialize<JsonElement>(json);
}
