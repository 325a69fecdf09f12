using Ops.Infrastructure.Auth;

namespace Ops.Portal.Hosting;

/// <summary>Tells the operator where to sign in after the first start (tests capture it).</summary>
public interface IStartupAnnouncer
{
    void Announce(string url, AdminBootstrapResult admin);
}

internal sealed class ConsoleStartupAnnouncer : IStartupAnnouncer
{
    public void Announce(string url, AdminBootstrapResult admin)
    {
        var lines = new List<string> { "", "  Ops is running.", $"  Open {url} and sign in as '{admin.UserName}'." };
        if (admin.GeneratedPassword is not null)
        {
            lines.Add($"  Generated password (shown once, change it at first sign-in): {admin.GeneratedPassword}");
        }
        else if (admin.Created)
        {
            lines.Add($"  Password: the value of {AdminBootstrapper.PasswordVariable}.");
        }

        lines.Add("");
        Console.Out.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
