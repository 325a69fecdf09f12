using System.Linq.Expressions;
using Ops.Domain.Auth;

namespace Ops.Infrastructure.Common;

/// <summary>
/// The one place a data scope becomes SQL: rows of the visible departments, plus the caller's own.
/// </summary>
public static class DataScopeQueries
{
    public static IQueryable<T> WhereInScope<T>(
        this IQueryable<T> query,
        DataScopeFilter filter,
        Expression<Func<T, long?>> department,
        Expression<Func<T, long?>> owner)
    {
        if (filter.All)
        {
            return query;
        }

        var row = Expression.Parameter(typeof(T), "row");
        var departmentValue = new ParameterReplacer(department.Parameters[0], row).Visit(department.Body);
        var ownerValue = new ParameterReplacer(owner.Parameters[0], row).Visit(owner.Body);
        var ids = filter.DepartmentIds.Select(id => (long?)id).ToList();
        var inDepartments = Expression.Call(
            typeof(Enumerable), nameof(Enumerable.Contains), [typeof(long?)], Expression.Constant(ids), departmentValue);
        var isOwn = Expression.Equal(ownerValue, Expression.Constant((long?)filter.UserId, typeof(long?)));
        return query.Where(Expression.Lambda<Func<T, bool>>(Expression.OrElse(isOwn, inDepartments), row));
    }

    private sealed class ParameterReplacer(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
