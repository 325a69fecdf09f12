using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Auth;

/// <summary>A column of the user sheet: the header written in the user's language, read in either.</summary>
internal sealed record SheetColumn(string English, string Chinese)
{
    public string Header => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;

    public string? Read(IReadOnlyDictionary<string, string?> cells) =>
        cells.TryGetValue(English, out var value) || cells.TryGetValue(Chinese, out value) ? value : null;
}

internal sealed record UserSheetColumns(
    SheetColumn UserName,
    SheetColumn RealName,
    SheetColumn Email,
    SheetColumn Phone,
    SheetColumn Department,
    SheetColumn Roles,
    SheetColumn Active,
    SheetColumn LoginCount,
    SheetColumn LastLogin);

internal sealed record ImportedUser(string UserName, string? RealName, string? Email, string? Phone, long? DepartmentId, IReadOnlyList<long> RoleIds, bool Active);

/// <summary>Codes and names the import checks against, loaded once.</summary>
internal sealed record UserSheetLookups(
    IReadOnlyDictionary<string, long> Departments,
    IReadOnlyDictionary<string, long> Roles,
    IReadOnlySet<string> UserNames,
    IReadOnlySet<string> Emails)
{
    public static async Task<UserSheetLookups> LoadAsync(OpsDbContext db, CancellationToken cancellationToken) => new(
        await db.Departments.ToDictionaryAsync(d => d.Code, d => d.Id, StringComparer.OrdinalIgnoreCase, cancellationToken),
        await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, StringComparer.OrdinalIgnoreCase, cancellationToken),
        (await db.Users.IgnoreQueryFilters().Select(u => u.NormalizedUserName!).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal),
        (await db.Users.Where(u => u.NormalizedEmail != null).Select(u => u.NormalizedEmail!).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal));
}

/// <summary>Reads and checks every row of a user sheet before anything is written.</summary>
internal static class UserSheet
{
    public static readonly UserSheetColumns Columns = new(
        new("UserName", "用户名"), new("RealName", "姓名"), new("Email", "邮箱"), new("Phone", "手机号"),
        new("DepartmentCode", "部门编码"), new("RoleCodes", "角色编码"), new("Active", "启用"),
        new("LoginCount", "登录次数"), new("LastLogin", "最近登录"));

    private static readonly string[] Yes = ["是", "yes", "y", "true", "1", "启用"];
    private static readonly string[] No = ["否", "no", "n", "false", "0", "停用"];

    public static string FormatBool(bool value) =>
        CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? (value ? "是" : "否") : (value ? "yes" : "no");

    public static (List<ImportedUser> Rows, List<ImportProblem> Problems) Parse(IEnumerable<IDictionary<string, object?>> sheet, UserSheetLookups lookups)
    {
        var rows = new List<ImportedUser>();
        var problems = new List<ImportProblem>();
        var seenNames = new HashSet<string>(StringComparer.Ordinal);
        var seenEmails = new HashSet<string>(StringComparer.Ordinal);
        var rowNumber = 1;
        foreach (var raw in sheet)
        {
            rowNumber++;
            var cells = raw.ToDictionary(kv => kv.Key.Trim(), kv => Convert.ToString(kv.Value, CultureInfo.InvariantCulture)?.Trim(), StringComparer.OrdinalIgnoreCase);
            if (cells.Values.All(string.IsNullOrEmpty))
            {
                continue;
            }

            var before = problems.Count;
            void Problem(SheetColumn column, Error error) => problems.Add(new ImportProblem(rowNumber, column.Header, error));

            var userName = Columns.UserName.Read(cells) ?? "";
            var input = new UserInput(userName, Columns.RealName.Read(cells), Columns.Email.Read(cells), Columns.Phone.Read(cells), null, [], null, [], true, false, false, false);
            if (UserInputRules.Validate(input) is { IsFailure: true } invalid)
            {
                Problem(ColumnOf(invalid.Error!), invalid.Error!);
            }
            else if (lookups.UserNames.Contains(userName.ToUpperInvariant()) || !seenNames.Add(userName.ToUpperInvariant()))
            {
                Problem(Columns.UserName, Error.Conflict("auth.user.duplicate_name", userName));
            }

            var email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();
            if (email is not null && (lookups.Emails.Contains(email.ToUpperInvariant()) || !seenEmails.Add(email.ToUpperInvariant())))
            {
                Problem(Columns.Email, Error.Conflict("auth.user.duplicate_email", email));
            }

            long? departmentId = null;
            if (Columns.Department.Read(cells) is { Length: > 0 } departmentCode)
            {
                if (lookups.Departments.TryGetValue(departmentCode, out var id))
                {
                    departmentId = id;
                }
                else
                {
                    Problem(Columns.Department, Error.NotFound("import.unknown_department", departmentCode));
                }
            }

            var roleIds = new List<long>();
            foreach (var code in (Columns.Roles.Read(cells) ?? "").Split([',', '，', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (lookups.Roles.TryGetValue(code, out var roleId))
                {
                    roleIds.Add(roleId);
                }
                else
                {
                    Problem(Columns.Roles, Error.NotFound("import.unknown_role", code));
                }
            }

            var activeText = Columns.Active.Read(cells);
            var active = string.IsNullOrEmpty(activeText) || Yes.Contains(activeText, StringComparer.OrdinalIgnoreCase);
            if (!active && !No.Contains(activeText, StringComparer.OrdinalIgnoreCase))
            {
                Problem(Columns.Active, Error.Invalid("import.yes_no", activeText!));
            }

            if (problems.Count == before)
            {
                rows.Add(new ImportedUser(userName.Trim(), Blank(input.RealName), email, Blank(input.PhoneNumber), departmentId, roleIds, active));
            }
        }

        return (rows, problems);
    }

    private static SheetColumn ColumnOf(Error error) => error.Code switch
    {
        "auth.profile.email_invalid" => Columns.Email,
        "auth.profile.phone_invalid" => Columns.Phone,
        _ when error.Args.Contains("field.real_name") => Columns.RealName,
        _ => Columns.UserName,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
