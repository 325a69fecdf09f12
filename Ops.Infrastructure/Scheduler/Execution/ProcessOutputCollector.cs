using System.Text;

namespace Ops.Infrastructure.Scheduler.Execution;

/// <summary>
/// Drains a child's stdout and stderr into one capped, line-interleaved text and hands each kept line to a callback.
/// Bytes are decoded as UTF-8 per stream (a character split across reads is kept whole; invalid bytes become U+FFFD).
/// A line longer than <see cref="MaxLineChars"/> is cut into pieces, so memory stays bounded without line breaks.
/// Once the cap is reached the readers keep reading and discard, so the child never blocks on a full pipe.
/// </summary>
internal sealed class ProcessOutputCollector
{
    public const int MaxLineChars = 16 * 1024;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly Lock _gate = new();
    private readonly StringBuilder _text = new();
    private readonly string _marker;
    private readonly int _budget;
    private Action<string, string>? _onLine;
    private Exception? _callbackFailure;
    private int _used;
    private bool _completed;
    private volatile bool _truncated;

    public ProcessOutputCollector(int limitBytes, Action<string, string>? onLine)
    {
        _marker = $"[output truncated: the {limitBytes}-byte limit was reached; further output was discarded]";
        _budget = Math.Max(0, limitBytes - Utf8.GetByteCount(_marker) - 1);
        _onLine = onLine;
    }

    /// <summary>Reads <paramref name="stream"/> to its end (or until it is closed under it) on the thread pool.</summary>
    public Task DrainAsync(Stream stream, string name) => Task.Run(async () =>
    {
        var bytes = new byte[8192];
        var chars = new char[Utf8.GetMaxCharCount(bytes.Length)];
        var decoder = Utf8.GetDecoder();
        var line = new StringBuilder();
        try
        {
            int read;
            while ((read = await stream.ReadAsync(bytes)) > 0)
            {
                if (!_truncated)
                {
                    Split(chars.AsSpan(0, decoder.GetChars(bytes, 0, read, chars, 0, flush: false)), line, name);
                }
            }

            line.Append(chars, 0, decoder.GetChars(bytes, 0, 0, chars, 0, flush: true));
            if (line.Length > 0)
            {
                Add(name, line.ToString());
            }
        }
        catch (Exception)
        {
            // Any read failure ends this stream (typically: the pipe was closed under us after the run stopped waiting
            // for a process that escaped the kill and still holds it). What was read is kept; a reader never faults.
        }
    });

    /// <summary>The text so far (no more lines are taken after this) and whether it was truncated.</summary>
    public (string Output, bool Truncated) Complete()
    {
        lock (_gate)
        {
            _completed = true;
            if (_callbackFailure is { } failure)
            {
                _text.Append("[the line callback failed and was not called again: ")
                    .Append(failure.GetType().Name).Append(": ").Append(failure.Message).Append("]\n");
                _callbackFailure = null;
            }

            return (_text.ToString(), _truncated);
        }
    }

    private void Split(ReadOnlySpan<char> chunk, StringBuilder line, string name)
    {
        while (!chunk.IsEmpty)
        {
            var end = chunk.IndexOf('\n');
            if (end < 0)
            {
                line.Append(chunk);
                if (line.Length >= MaxLineChars)
                {
                    // Keep a trailing high surrogate for the next piece so a character is never split.
                    var keep = char.IsHighSurrogate(line[^1]) ? 1 : 0;
                    Add(name, line.ToString(0, line.Length - keep));
                    line.Remove(0, line.Length - keep);
                }

                return;
            }

            line.Append(chunk[..end]);
            if (line.Length > 0 && line[^1] == '\r')
            {
                line.Length--;
            }

            Add(name, line.ToString());
            line.Clear();
            chunk = chunk[(end + 1)..];
        }
    }

    private void Add(string name, string line)
    {
        lock (_gate)
        {
            if (_completed || _truncated)
            {
                return;
            }

            var size = Utf8.GetByteCount(line) + 1;
            if (_used + size > _budget)
            {
                line = FittingPrefix(line, _budget - _used - 1);
                _truncated = true;
            }

            if (line.Length > 0 || !_truncated)
            {
                _text.Append(line).Append('\n');
                _used += Utf8.GetByteCount(line) + 1;
                Notify(name, line);
            }

            if (_truncated)
            {
                _text.Append(_marker).Append('\n');
            }
        }
    }

    private void Notify(string name, string line)
    {
        try
        {
            _onLine?.Invoke(name, line);
        }
        catch (Exception ex)
        {
            // A failing observer must not stop the draining, or the child would block on a full pipe.
            _callbackFailure = ex;
            _onLine = null;
        }
    }

    /// <summary>The longest prefix of <paramref name="line"/> of at most <paramref name="room"/> UTF-8 bytes, never splitting a character.</summary>
    private static string FittingPrefix(string line, int room)
    {
        var bytes = 0;
        var index = 0;
        while (index < line.Length)
        {
            _ = Rune.DecodeFromUtf16(line.AsSpan(index), out var rune, out var consumed);
            if (bytes + rune.Utf8SequenceLength > room)
            {
                break;
            }

            bytes += rune.Utf8SequenceLength;
            index += consumed;
        }

        return line[..index];
    }
}
