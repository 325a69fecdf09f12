using Ops.Portal.Hosting;

// Verbs: migrate | create-admin <user> | seed-demo. Without one, the portal serves.
var command = CliCommand.Parse(args);
var builder = WebApplication.CreateBuilder(command?.HostArgs ?? args);
builder.AddOpsPortal();
var app = builder.Build();

if (command is not null)
{
    return await command.RunAsync(app);
}

await app.InitializeOpsAsync();
app.UseOpsPortal();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
