using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Ops.Domain.Common;

namespace Ops.Infrastructure.Common.Modules;

/// <summary>
/// What a module brings to the composition: its services and its EF configurations. Each module folder has one
/// <c>XxxModule</c> static class that builds this record; <see cref="OpsModules.All"/> lists them.
/// </summary>
public sealed record OpsModule(
    ModuleDescriptor Descriptor,
    Action<IServiceCollection, IConfiguration, IHostEnvironment> AddServices,
    Action<ModelBuilder> ApplyConfigurations);

/// <summary>
/// EF configurations by module folder: every <see cref="IEntityTypeConfiguration{TEntity}"/> in the namespace of the
/// module's marker type (and below it, e.g. <c>Ops.Infrastructure.Scheduler.Persistence</c>). A new entity joins the
/// model by its configuration file alone, in the module that owns it; no list to forget.
/// </summary>
public static class ModuleConfigurations
{
    public static void Apply(ModelBuilder builder, Type marker) =>
        builder.ApplyConfigurationsFromAssembly(marker.Assembly, type => InNamespace(type, marker.Namespace!));

    public static bool InNamespace(Type type, string root) =>
        type.Namespace is { } ns && (ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal));
}
