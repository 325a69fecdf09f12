using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Ops.Infrastructure;
using Ops.Infrastructure.Auth;
using Ops.Infrastructure.Common;
using Ops.Portal.Common;
using Ops.Portal.Localization;

namespace Ops.Portal.Hosting;

/// <summary>
/// Administrative verbs: <c>migrate</c>, <c>create-admin &lt;user&gt;</c>, <c>seed-demo</c>.
/// Passwords come from <c>OPS_ADMIN_PASSWORD</c> / <c>OPS_DEMO_PASSWORD</c> or a hidden prompt.
/// </summary>
internal sealed record CliCommand(string Verb, string[] Arguments, string[] HostArgs)
{
    private static readonly string[] Verbs = ["migrate", "create-admin", "seed-demo"];

    public static CliCommand? Parse(string[] args)
    {
        if (args.Length == 0 || !Verbs.Contains(args[0], StringComparer.Ordinal))
        {
            return null;
        }

        var positional = args.Skip(1).TakeWhile(a => !a.StartsWith('-')).ToArray();
        return new CliCommand(args[0], positional, args.Skip(1 + positional.Length).ToArray());
    }

    public async Task<int> RunAsync(WebApplication app)
    {
        try
        {
            return Verb switch
            {
                "migrate" => await MigrateAsync(app),
                "create-admin" => await CreateAdminAsync(app),
                "seed-demo" => await SeedDemoAsync(app),
                _ => 2,
            };
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            await Console.Error.WriteLineAsync($"{Verb} failed: {ex.Message}");
            return 1;
        }
    }

    private static async Task<int> MigrateAsync(WebApplication app)
    {
        await OpsStartup.MigrateAsync(app.Services);
        Console.WriteLine("Database is up to date.");
        return 0;
    }

    private async Task<int> CreateAdminAsync(WebApplication app)
    {
        if (Arguments.Length != 1 || string.IsNullOrWhiteSpace(Arguments[0]))
        {
            await Console.Error.WriteLineAsync("usage: dotnet run --project Ops.Portal -- create-admin <user>");
            return 2;
        }

        await OpsStartup.MigrateAsync(app.Services);
        var password = app.Configuration[AdminBootstrapper.PasswordVariable] ?? PromptPassword();
        await using var scope = app.Services.CreateSystemScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OpsUser>>();
        if (await users.FindByNameAsync(Arguments[0]) is not null)
        {
            await Console.Error.WriteLineAsync($"User '{Arguments[0]}' already exists.");
            return 1;
        }

        var result = await scope.ServiceProvider.GetRequiredService<AdminBootstrapper>()
            .CreateUserAsync(Arguments[0], password, superuser: true, mustChangePassword: false);
        if (!result.Succeeded)
        {
            var text = scope.ServiceProvider.GetRequiredService<IStringLocalizer<UiText>>();
            await Console.Error.WriteLineAsync("Cannot create the user: " + IdentityErrorText.Describe(text, result));
            return 1;
        }

        Console.WriteLine($"Superuser '{Arguments[0]}' created.");
        return 0;
    }

    private static async Task<int> SeedDemoAsync(WebApplication app)
    {
        await OpsStartup.MigrateAsync(app.Services);
        var password = app.Configuration["OPS_DEMO_PASSWORD"];
        var generated = string.IsNullOrEmpty(password);
        password = generated ? AdminBootstrapper.GeneratePassword() : password!;
        await using var scope = app.Services.CreateSystemScope();
        var created = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(password);
        Console.WriteLine($"Demo departments and users are in place ({created} users created).");
        var processes = await scope.ServiceProvider.GetRequiredService<Ops.Infrastructure.Approvals.ApprovalDemoSeeder>().SeedAsync();
        Console.WriteLine($"Demo approval types are published ({processes} new): leave, purchase.");
        if (created > 0 && generated)
        {
            Console.WriteLine($"Demo users' password: {password}");
        }

        return 0;
    }

    private static string PromptPassword()
    {
        if (Console.IsInputRedirected)
        {
            return Console.ReadLine() ?? throw new ArgumentException("No password given.");
        }

        var first = ReadHidden("Password: ");
        var second = ReadHidden("Repeat password: ");
        return first == second ? first : throw new ArgumentException("The passwords differ.");
    }

    private static string ReadHidden(string prompt)
    {
        Console.Write(prompt);
        var buffer = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && buffer.Length > 0)
            {
                buffer.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                buffer.Append(key.KeyChar);
            }
        }

        Console.WriteLine();
        return buffer.ToString();
    }
}
