using System.Security.Cryptography;
using System.Text;
using MongoDB.Bson;

namespace Ops.Portal.Tests.Support;

/// <summary>The server's side of SCRAM-SHA-256 (RFC 7677) over saslStart / saslContinue.</summary>
internal sealed class MongoScram(string user, string password, byte[] salt)
{
    private string _clientFirstBare = "", _serverFirst = "", _nonce = "";
    private bool _skipEmpty, _proven;

    public bool Done { get; private set; }

    public BsonDocument Start(BsonDocument command)
    {
        var payload = Encoding.UTF8.GetString(command["payload"].AsBsonBinaryData.Bytes);
        _clientFirstBare = payload[3..];
        var given = Attribute(_clientFirstBare, 'n');
        _skipEmpty = command.GetValue("options", new BsonDocument()).AsBsonDocument.GetValue("skipEmptyExchange", false).ToBoolean();
        if (given != user || command["mechanism"].AsString != "SCRAM-SHA-256")
        {
            return MongoStandIn.Failure(18, "AuthenticationFailed", "Authentication failed.");
        }

        _nonce = Attribute(_clientFirstBare, 'r') + Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
        _serverFirst = $"r={_nonce},s={Convert.ToBase64String(salt)},i=4096";
        return Step(_serverFirst, done: false);
    }

    public BsonDocument Continue(BsonDocument command)
    {
        if (_proven)
        {
            Done = true;
            return Step("", done: true);
        }

        var clientFinal = Encoding.UTF8.GetString(command["payload"].AsBsonBinaryData.Bytes);
        var withoutProof = clientFinal[..clientFinal.LastIndexOf(",p=", StringComparison.Ordinal)];
        var salted = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, 4096, HashAlgorithmName.SHA256, 32);
        var clientKey = HMACSHA256.HashData(salted, "Client Key"u8);
        var message = Encoding.UTF8.GetBytes($"{_clientFirstBare},{_serverFirst},{withoutProof}");
        var signature = HMACSHA256.HashData(SHA256.HashData(clientKey), message);
        var expected = Convert.ToBase64String(clientKey.Zip(signature, (a, b) => (byte)(a ^ b)).ToArray());
        if (Attribute(withoutProof, 'r') != _nonce || Attribute(clientFinal, 'p') != expected)
        {
            return MongoStandIn.Failure(18, "AuthenticationFailed", "Authentication failed.");
        }

        _proven = true;
        Done = _skipEmpty;
        var serverSignature = HMACSHA256.HashData(HMACSHA256.HashData(salted, "Server Key"u8), message);
        return Step("v=" + Convert.ToBase64String(serverSignature), done: _skipEmpty);
    }

    private static BsonDocument Step(string payload, bool done) => new()
    {
        ["conversationId"] = 1, ["done"] = done, ["payload"] = new BsonBinaryData(Encoding.UTF8.GetBytes(payload)), ["ok"] = 1.0,
    };

    private static string Attribute(string message, char name) =>
        message.Split(',').Select(p => p.Split('=', 2)).First(p => p[0] == name.ToString())[1];
}
