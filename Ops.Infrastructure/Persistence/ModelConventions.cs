using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Ops.Domain.Common;

namespace Ops.Infrastructure.Persistence;

/// <summary>Cross-cutting model rules applied to every entity after its own configuration.</summary>
internal static class ModelConventions
{
    public static void ApplyOpsConventions(this ModelBuilder builder)
    {
        foreach (var entityType in builder.Model.GetEntityTypes().Where(t => !t.IsOwned()))
        {
            var clrType = entityType.ClrType;
            var entity = builder.Entity(clrType);

            if (typeof(ISoftDeletable).IsAssignableFrom(clrType))
            {
                entity.HasQueryFilter(SoftDeleteFilter(clrType));
                entity.HasIndex(nameof(ISoftDeletable.IsDeleted));
            }

            if (typeof(IVersioned).IsAssignableFrom(clrType))
            {
                entity.Property(nameof(IVersioned.Version)).IsConcurrencyToken();
            }

            // SQLite cannot order or compare DateTimeOffset; store UTC ticks there. MySQL keeps datetime(6).
            foreach (var property in entityType.GetProperties())
            {
                if (property.ClrType == typeof(DateTimeOffset))
                {
                    property.SetValueConverter(UtcConverter);
                }
                else if (property.ClrType == typeof(DateTimeOffset?))
                {
                    property.SetValueConverter(NullableUtcConverter);
                }
            }
        }
    }

    private static readonly ValueConverter<DateTimeOffset, DateTime> UtcConverter = new(
        v => v.UtcDateTime,
        v => new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)));

    private static readonly ValueConverter<DateTimeOffset?, DateTime?> NullableUtcConverter = new(
        v => v.HasValue ? v.Value.UtcDateTime : null,
        v => v.HasValue ? new DateTimeOffset(DateTime.SpecifyKind(v.Value, DateTimeKind.Utc)) : null);

    private static LambdaExpression SoftDeleteFilter(Type type)
    {
        var parameter = Expression.Parameter(type, "e");
        var isDeleted = Expression.Property(parameter, nameof(ISoftDeletable.IsDeleted));
        return Expression.Lambda(Expression.Not(isDeleted), parameter);
    }
}
