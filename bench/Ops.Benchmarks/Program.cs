using System.Globalization;
using Ops.Benchmarks;

// Load scripts for the figures the issues ask for (bench/README.md lists the verbs). Every verb runs between two
// timings of the same fixed CPU loop, so its figures can be read against the machine's speed during the run.
var mode = args.ElementAtOrDefault(0) ?? "users";
int Number(string? text, int fallback) => text is null ? fallback : int.Parse(text, CultureInfo.InvariantCulture);

Func<Task> run = mode switch
{
    "fanout" => () => FanOutBench.RunAsync(Number(args.ElementAtOrDefault(1), 1000), 30),
    "outbox" => () => OutboxBench.RunAsync(Number(args.ElementAtOrDefault(1), 2000)),

    // punctuality ["<mysql server connection>"] [per-minute window s] [per-second window s]
    "punctuality" => () => PunctualityBench.RunAsync(
        args.ElementAtOrDefault(1), TimeSpan.FromSeconds(Number(args.ElementAtOrDefault(2), 120)), TimeSpan.FromSeconds(Number(args.ElementAtOrDefault(3), 30))),

    // flows ["<mysql server connection>"] [nodes]
    "flows" => () => FlowBench.RunAsync(args.ElementAtOrDefault(1), Number(args.ElementAtOrDefault(2), 1000)),
    "approvals" => Approvals,

    // circuits [pages] [portal route] [template route]; BENCH_KEEP=1 keeps the gcdumps, BENCH_HOLD=<s> pauses with the circuits open
    "circuits" => () => CircuitsBench.RunAsync(Number(args.ElementAtOrDefault(1), 100), args.ElementAtOrDefault(2) ?? "/dashboard", args.ElementAtOrDefault(3) ?? "/"),
    "signin" => SignInBench.RunAsync,

    // exports [count]: the user list export against MiniExcel alone
    "exports" => () => ExportsBench.RunAsync(Number(args.ElementAtOrDefault(1), 100_000)),

    // api [users] [requests per second] [seconds]: GET /api/v1/users?page=1 against GET /health, three runs
    // reports "<mysql server connection>" [rows]
    "reports" => () => ReportsBench.RunAsync(args.ElementAtOrDefault(1) ?? throw new ArgumentException("reports needs a MariaDB server connection string"),
        Number(args.ElementAtOrDefault(2), 1_000_000)),
    // report-exports "<mysql server connection>" [rows]
    "report-exports" => () => ReportExportsBench.RunAsync(args.ElementAtOrDefault(1) ?? throw new ArgumentException("report-exports needs a MariaDB server connection string"),
        Number(args.ElementAtOrDefault(2), 1_000_000)),
    "api" => () => ApiBench.RunAsync(Number(args.ElementAtOrDefault(1), 100_000), Number(args.ElementAtOrDefault(2), 200), Number(args.ElementAtOrDefault(3), 30)),

    // users sqlite [count] | users mysql "<server connection>" [count]
    _ => Users,
};
// circuits times the loop itself, next to each of its two apps.
await (mode == "circuits" ? run() : Calibration.AroundAsync(mode, run));

Task Approvals()
{
    // approvals ["<mysql server connection>"] [instances] [parallel]
    var rest = args.Skip(1).ToList();
    var server = rest.Count > 0 && !int.TryParse(rest[0], CultureInfo.InvariantCulture, out _) ? rest[0] : null;
    var numbers = rest.Skip(server is null ? 0 : 1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToList();
    return ApprovalBench.RunAsync(server, numbers.ElementAtOrDefault(0) is > 0 and var n ? n : 2000, numbers.ElementAtOrDefault(1) is > 0 and var p ? p : 16);
}

Task Users()
{
    var provider = args.ElementAtOrDefault(1) ?? "sqlite";
    var mysqlServer = provider == "mysql" ? args.ElementAtOrDefault(2) ?? throw new ArgumentException("mysql needs a server connection string") : null;
    return UsersBench.RunAsync(provider, mysqlServer, Number(args.ElementAtOrDefault(provider == "mysql" ? 3 : 2), 100_000));
}
