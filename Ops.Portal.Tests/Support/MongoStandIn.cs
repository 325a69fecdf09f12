using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Bson.Serialization;

namespace Ops.Portal.Tests.Support;

/// <summary>
/// A stand-in for a MongoDB server (none can be installed here) on a loopback port, speaking MongoDB's wire protocol as
/// the official driver uses it: OP_QUERY and OP_MSG framing, the hello handshake, SCRAM-SHA-256 sign-in, buildInfo, ping,
/// listCollections, find, aggregate with cursors (getMore, killCursors) and maxTimeMS, and MongoDB's error documents.
/// Pipelines run on an in-memory <c>sales</c> collection (the report tests' rows) through a small evaluator of the
/// stages the connector's tests use; <c>slow</c> is a collection that answers only when its time limit expires.
/// Every command is kept for the tests to read.
/// </summary>
public sealed class MongoStandIn : IAsyncDisposable
{
    public const string Version = "7.0.14";
    private const int OpReply = 1, OpQuery = 2004, OpMsg = 2013;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<long, Queue<BsonDocument>> _cursors = new();
    private readonly byte[] _salt = RandomNumberGenerator.GetBytes(16);
    private long _nextCursor = 1000;
    private int _requestId;

    public int Port { get; private set; }

    public string User { get; } = "report_reader";

    public string Password { get; } = "reader passphrase";

    public List<BsonDocument> Sales { get; } = [.. Reports.ReportTarget.Sales.Select((s, i) => new BsonDocument
    {
        ["_id"] = ObjectId.GenerateNewId(), ["id"] = i + 1, ["department_id"] = s.Department, ["owner_id"] = s.Owner, ["region"] = s.Region,
        ["amount"] = (double)s.Amount, ["sold_on"] = new BsonDateTime(DateTime.SpecifyKind(DateTime.Parse(s.Day, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc)),
    })];

    public ConcurrentQueue<BsonDocument> Commands { get; } = new();

    public ConcurrentQueue<long> KilledCursors { get; } = new();

    public static MongoStandIn Start()
    {
        var server = new MongoStandIn();
        server._listener.Start();
        server.Port = ((IPEndPoint)server._listener.LocalEndpoint).Port;
        _ = server.AcceptAsync();
        return server;
    }

    public IEnumerable<BsonDocument> Aggregates => Commands.Where(c => c.Names.First() == "aggregate");

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var conversation = new MongoScram(User, Password, _salt);
        try
        {
            var header = new byte[16];
            while (!_stop.IsCancellationRequested)
            {
                await stream.ReadExactlyAsync(header, _stop.Token);
                var length = BinaryPrimitives.ReadInt32LittleEndian(header);
                var requestId = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(4));
                var opCode = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(12));
                var body = new byte[length - 16];
                await stream.ReadExactlyAsync(body, _stop.Token);
                var (command, legacy) = opCode == OpQuery ? (ReadQuery(body), true) : (ReadMsg(body), false);
                Commands.Enqueue(command);
                var answer = await AnswerAsync(command, conversation);
                await stream.WriteAsync(legacy ? Reply(requestId, answer) : Msg(requestId, answer), _stop.Token);
            }
        }
        catch (Exception ex) when (ex is IOException or EndOfStreamException or OperationCanceledException or SocketException)
        {
            // The driver closed the connection, or the stand-in stops.
        }
    }

    private static BsonDocument ReadQuery(byte[] body)
    {
        var at = 4;
        while (body[at] != 0)
        {
            at++;
        }

        at += 1 + 8;
        return BsonSerializer.Deserialize<BsonDocument>(body.AsSpan(at).ToArray());
    }

    private static BsonDocument ReadMsg(byte[] body)
    {
        var at = 4;
        var command = new BsonDocument();
        while (at < body.Length)
        {
            var kind = body[at++];
            var size = BinaryPrimitives.ReadInt32LittleEndian(body.AsSpan(at));
            if (kind == 0)
            {
                command.Merge(BsonSerializer.Deserialize<BsonDocument>(body.AsSpan(at, size).ToArray()), overwriteExistingElements: false);
                at += size;
                continue;
            }

            // Kind 1: a named sequence of documents (an insert's documents, say), folded into the command as an array.
            var end = at + size;
            var nameEnd = Array.IndexOf(body, (byte)0, at + 4);
            var name = Encoding.UTF8.GetString(body, at + 4, nameEnd - at - 4);
            var documents = new BsonArray();
            for (var d = nameEnd + 1; d < end; d += BinaryPrimitives.ReadInt32LittleEndian(body.AsSpan(d)))
            {
                documents.Add(BsonSerializer.Deserialize<BsonDocument>(body.AsSpan(d, BinaryPrimitives.ReadInt32LittleEndian(body.AsSpan(d))).ToArray()));
            }

            command[name] = documents;
            at = end;
        }

        return command;
    }

    private byte[] Reply(int responseTo, BsonDocument answer)
    {
        var document = answer.ToBson();
        var message = new byte[16 + 20 + document.Length];
        Header(message, responseTo, OpReply);
        BinaryPrimitives.WriteInt32LittleEndian(message.AsSpan(32), 1);
        document.CopyTo(message, 36);
        return message;
    }

    private byte[] Msg(int responseTo, BsonDocument answer)
    {
        var document = answer.ToBson();
        var message = new byte[16 + 4 + 1 + document.Length];
        Header(message, responseTo, OpMsg);
        document.CopyTo(message, 21);
        return message;
    }

    private void Header(byte[] message, int responseTo, int opCode)
    {
        BinaryPrimitives.WriteInt32LittleEndian(message, message.Length);
        BinaryPrimitives.WriteInt32LittleEndian(message.AsSpan(4), Interlocked.Increment(ref _requestId));
        BinaryPrimitives.WriteInt32LittleEndian(message.AsSpan(8), responseTo);
        BinaryPrimitives.WriteInt32LittleEndian(message.AsSpan(12), opCode);
    }

    private async Task<BsonDocument> AnswerAsync(BsonDocument command, MongoScram conversation)
    {
        var name = command.Names.First();
        if (!conversation.Done && name is not ("hello" or "isMaster" or "ismaster" or "saslStart" or "saslContinue" or "endSessions"))
        {
            return Failure(13, "Unauthorized", $"command {name} requires authentication");
        }

        switch (name)
        {
            case "hello" or "isMaster" or "ismaster":
                var hello = new BsonDocument
                {
                    ["helloOk"] = true, ["isWritablePrimary"] = true, ["ismaster"] = true, ["maxBsonObjectSize"] = 16 * 1024 * 1024,
                    ["maxMessageSizeBytes"] = 48_000_000, ["maxWriteBatchSize"] = 100_000, ["localTime"] = DateTime.UtcNow,
                    ["logicalSessionTimeoutMinutes"] = 30, ["connectionId"] = 1, ["minWireVersion"] = 0, ["maxWireVersion"] = 21, ["readOnly"] = false, ["ok"] = 1.0,
                };
                if (command.Contains("saslSupportedMechs"))
                {
                    hello["saslSupportedMechs"] = new BsonArray { "SCRAM-SHA-256" };
                }

                return hello;
            case "saslStart":
                return conversation.Start(command);
            case "saslContinue":
                return conversation.Continue(command);
            case "buildInfo" or "buildinfo":
                return new BsonDocument { ["version"] = Version, ["versionArray"] = new BsonArray { 7, 0, 14, 0 }, ["ok"] = 1.0 };
            case "ping" or "endSessions":
                return new BsonDocument("ok", 1.0);
            case "listCollections":
                return Cursor("$cmd.listCollections", new Queue<BsonDocument>([new BsonDocument { ["name"] = "sales", ["type"] = "collection" }]), 101, "firstBatch");
            case "find":
                var limit = command.GetValue("limit", 101).ToInt32();
                return Cursor(command["find"].AsString, new Queue<BsonDocument>(Sales.Take(limit)), limit, "firstBatch");
            case "aggregate":
                return await AggregateAsync(command);
            case "getMore":
                var id = command["getMore"].ToInt64();
                return Cursor(command["collection"].AsString, _cursors.TryRemove(id, out var rest) ? rest : new Queue<BsonDocument>(), command.GetValue("batchSize", 101).ToInt32(), "nextBatch");
            case "killCursors":
                foreach (var cursor in command["cursors"].AsBsonArray)
                {
                    KilledCursors.Enqueue(cursor.ToInt64());
                    _cursors.TryRemove(cursor.ToInt64(), out _);
                }

                return new BsonDocument { ["cursorsKilled"] = command["cursors"], ["ok"] = 1.0 };
            default:
                return Failure(59, "CommandNotFound", $"no such command: '{name}'");
        }
    }

    private async Task<BsonDocument> AggregateAsync(BsonDocument command)
    {
        var collection = command["aggregate"].AsString;
        var batch = command.GetValue("cursor", new BsonDocument()).AsBsonDocument.GetValue("batchSize", 101).ToInt32();
        if (collection == "slow")
        {
            // A query that outlasts any limit: the server gives up at maxTimeMS.
            await Task.Delay(command.GetValue("maxTimeMS", 60_000).ToInt32(), _stop.Token);
            return Failure(50, "MaxTimeMSExpired", "PlanExecutor error during aggregation :: caused by :: operation exceeded time limit");
        }

        if (collection != "sales")
        {
            return Cursor(collection, new Queue<BsonDocument>(), batch, "firstBatch");
        }

        try
        {
            return Cursor(collection, new Queue<BsonDocument>(MongoPipelineEvaluator.Run(Sales, command["pipeline"].AsBsonArray)), batch, "firstBatch");
        }
        catch (NotSupportedException ex)
        {
            return Failure(40324, "Location40324", ex.Message);
        }
    }

    private BsonDocument Cursor(string collection, Queue<BsonDocument> documents, int batchSize, string batchName)
    {
        var batch = new BsonArray();
        while (batch.Count < Math.Max(batchSize, 1) && documents.TryDequeue(out var document))
        {
            batch.Add(document);
        }

        long id = 0;
        if (documents.Count > 0)
        {
            id = Interlocked.Increment(ref _nextCursor);
            _cursors[id] = documents;
        }

        return new BsonDocument { ["cursor"] = new BsonDocument { ["id"] = id, ["ns"] = "reports." + collection, [batchName] = batch }, ["ok"] = 1.0 };
    }

    internal static BsonDocument Failure(int code, string codeName, string message) =>
        new() { ["ok"] = 0.0, ["errmsg"] = message, ["code"] = code, ["codeName"] = codeName };
}
