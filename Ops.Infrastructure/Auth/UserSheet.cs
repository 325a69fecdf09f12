using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Auth;

/// <summary>A column of the user sheet, named by its text key: the header written in the user's language, read in any.</summary>
internal sealed record SheetColumn(string Key)
{
    public string Header(SheetFormat format) => format.Text(Key);

    public string? Read(IReadOnlyDictionary<string, string?> cells, SheetFormat format) =>
        format.AllTexts(Key).Append(format.Text(Key)).Select(h => cells.TryGetValue(h, out var value) ? value : null).FirstOrDefault(v => v is not null);
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

/// <summary>One exported user, roles already joined.</summary>
internal sealed record UserExportRow(
    string? UserName, string? RealName, string? Email, string? Phone, string? Department, string Roles, bool Active, int LoginCount, DateTimeOffset? LastLogin);

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
        new("sheet.user.user_name"), new("sheet.user.real_name"), new("sheet.user.email"), new("sheet.user.phone"),
        new("sheet.user.department_code"), new("sheet.user.role_codes"), new("sheet.user.active"),
        new("sheet.user.login_count"), new("sheet.user.last_login"));

    /// <summary>The exported sheet: the import's columns, then the login figures.</summary>
    public static readonly SheetColumns<UserExportRow> Export = new SheetColumns<UserExportRow>()
        .Add(Columns.UserName.Key, r => r.UserName)
        .Add(Columns.RealName.Key, r => r.RealName)
        .Add(Columns.Email.Key, r => r.Email)
        .Add(Columns.Phone.Key, r => r.Phone)
        .Add(Columns.Department.Key, r => r.Department)
        .Add(Columns.Roles.Key, r => r.Roles)
        .Word(Columns.Active.Key, r => r.Active ? "sheet.user.yes" : "sheet.user.no")
        .Add(Columns.LoginCount.Key, r => r.LoginCount)
        .Time(Columns.LastLogin.Key, r => r.LastLogin);

    private static readonly string[] Yes = ["是", "yes", "y", "true", "1", "启用"];
    private static readonly string[] No = ["否", "no", "n", "false", "0", "停用"];

    public static string FormatBool(bool value, SheetFormat format) => format.Text(value ? "sheet.user.yes" : "sheet.user.no");

    public static (List<ImportedUser> Rows, List<ImportProblem> Problems) Parse(
        IEnumerable<IDictionary<string, object?>> sheet, UserSheetLookups lookups, SheetFormat format)
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
            void Problem(SheetColumn column, Error error) => problems.Add(new ImportProblem(rowNumber, column.Header(format), error));

            var userName = Columns.UserName.Read(cells, format) ?? "";
            var input = new UserInput(userName, Columns.RealName.Read(cells, format), Columns.Email.Read(cells, format), Columns.Phone.Read(cells, format), null, [], null, [], true, false, false, false);
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
            if (Columns.Department.Read(cells, format) is { Length: > 0 } departmentCode)
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
            foreach (var code in (Columns.Roles.Read(cells, format) ?? "").Split([',', '，', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
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

            var activeText = Columns.Active.Read(cells, format);
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
