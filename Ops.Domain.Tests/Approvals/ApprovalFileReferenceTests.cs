using Ops.Domain.Approvals;
using static Ops.Domain.Tests.Approvals.ApprovalFixture;

namespace Ops.Domain.Tests.Approvals;

public sealed class ApprovalFileReferenceTests
{
    private const string Quote = "0123456789abcdef0123456789abcdef";
    private const string Photo = "fedcba9876543210fedcba9876543210";

    [Fact]
    public void KeysOf_FindsFileIds_InAttachmentFields_AndInsideTableRows_ButNotOtherValues()
    {
        var instance = Draft(Mode(ApprovalMode.Single), Data(
            ("amount", 10),
            ("files", new[] { new { id = Quote, name = "quote.pdf", size = 10 } }),
            ("items", new[] { new { name = "camera", photo = new[] { new { id = Photo, name = "p.jpg" } } } }),
            ("reason", Quote + " pasted as text")));

        Assert.Equal(new[] { Photo, Quote }.Order(), ApprovalFileReference.KeysOf(instance).Order());
    }

    [Fact]
    public void KeysOf_IgnoresIdsThatAreNotFileKeys()
    {
        var instance = Draft(Mode(ApprovalMode.Single), Data(("amount", 10), ("files", new[] { new { id = "short", name = "x" } })));

        Assert.Empty(ApprovalFileReference.KeysOf(instance));
    }
}
