using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Station.Cli.Settings;
using Station.Data;
using Station.Data.Ledger;
using Station.Data.Recording;

namespace Station.Cli.Commands;

/// <summary>
/// <c>station ledger verify</c>: checks every station's hash chain in the configured database and
/// names the first broken link (docs/DATA.md, "The ledger"). This station's chain is also checked
/// against its local journal head, which catches the newest rows removed or the chain rewritten.
/// </summary>
internal static class LedgerCommands
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    public static Command Create() => new("ledger", "The tamper-evident record: check the hash chains.")
    {
        VerifyCommand(),
    };

    private static Command VerifyCommand()
    {
        var station = new Option<string?>("--station") { Description = "Check only this station's chain (default: every station in the database)." };
        var anchor = new Option<string?>("--anchor")
        {
            Description = "A head noted earlier, SEQUENCE:SHA256HEX (as printed here), for --station (default: this station, Station:Name); replaces the journal head.",
        };
        var noJournal = new Option<bool>("--no-journal") { Description = "Do not use the local journal's head as this station's anchor." };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var command = SettingsCommandLine.AcceptSettings(new Command(
            "verify",
            "Check the hash chain of every station in the database; exit 0 when all hold, 1 with the first broken link otherwise.")
        {
            station, anchor, noJournal, json,
        });
        command.SetAction((parseResult, cancellationToken) => SettingsCommandLine.RunAsync(parseResult, async settings =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var only = parseResult.GetValue(station);
            var anchored = only ?? settings.StationId;
            var (anchorHead, anchorSource) = parseResult.GetValue(anchor) is { } text
                ? (ParseAnchor(text), "the given anchor")
                : parseResult.GetValue(noJournal) ? (null, null) : ReadJournal(settings, anchored);

            var verifier = new LedgerVerifier(new StationDbContextFactory(settings.Database));
            var stations = only is not null ? [only] : (await verifier.GetStationIdsAsync(cancellationToken)).ToList();
            if (anchorHead is not null && !stations.Contains(anchored, StringComparer.Ordinal))
            {
                // The journal knows records the database has none of: verify says so (truncated).
                stations.Add(anchored);
            }

            var results = new List<(LedgerVerification Result, string? Anchor)>();
            foreach (var id in stations)
            {
                var isAnchored = anchorHead is not null && id == anchored;
                results.Add((await verifier.VerifyAsync(id, isAnchored ? anchorHead : null, cancellationToken), isAnchored ? anchorSource : null));
            }

            if (parseResult.GetValue(json))
            {
                await output.WriteLineAsync(ToJson(settings, results).ToJsonString(JsonOptions));
            }
            else
            {
                var note = anchorHead is null && anchored == settings.StationId && !parseResult.GetValue(noJournal) ? JournalNote(settings) : null;
                await WriteTextAsync(output, settings, results, note);
            }

            return results.All(r => r.Result.IsIntact) ? ExitCodes.Success : ExitCodes.Failed;
        }));
        return command;
    }

    private static (LedgerHead? Head, string? Source) ReadJournal(StationSettings settings, string stationId)
    {
        if (stationId != settings.StationId)
        {
            return (null, null);
        }

        var head = RecordWriter.ReadJournalHead(settings.JournalDirectory);
        return head is null ? (null, null) : (head, $"the local journal {settings.JournalDirectory}");
    }

    private static string JournalNote(StationSettings settings) =>
        $"No local journal head for {settings.StationId} in {settings.JournalDirectory}: its newest records were not checked against one.";

    /// <summary>Parses SEQUENCE:HASH (64 hex digits), as <see cref="LedgerHead.ToString"/> prints it.</summary>
    private static LedgerHead ParseAnchor(string text)
    {
        var parts = text.Trim().Split(':');
        if (parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) && sequence > 0
            && parts[1].Length == 64 && parts[1].All(char.IsAsciiHexDigit))
        {
            return new LedgerHead(sequence, Convert.FromHexString(parts[1]));
        }

        throw new CliException($"--anchor: '{text}' is not SEQUENCE:SHA256 (e.g. 1234:{new string('0', 64)}).", ExitCodes.Usage);
    }

    private static async Task WriteTextAsync(
        TextWriter output, StationSettings settings, List<(LedgerVerification Result, string? Anchor)> results, string? note)
    {
        await output.WriteLineAsync($"Database: {settings.DescribeDatabase()}");
        if (results.Count == 0)
        {
            await output.WriteLineAsync("No records in the database: nothing to check.");
        }

        foreach (var (result, anchor) in results)
        {
            var checkedAgainst = anchor is null ? "" : $", checked against {anchor}";
            if (result.FirstBreak is { } broken)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{result.StationId}: BROKEN after {result.RecordCount} good records{checkedAgainst}."));
                await output.WriteLineAsync($"  first broken link: {Describe(broken)}");
            }
            else if (result.RecordCount == 0)
            {
                await output.WriteLineAsync($"{result.StationId}: no records in the database.");
            }
            else
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{result.StationId}: intact, {result.RecordCount} records, head {result.Head}{checkedAgainst}."));
            }
        }

        if (note is not null)
        {
            await output.WriteLineAsync(note);
        }

        var brokenCount = results.Count(r => !r.Result.IsIntact);
        await output.WriteLineAsync(brokenCount == 0
            ? string.Create(CultureInfo.InvariantCulture, $"Ledger intact ({results.Count} station{(results.Count == 1 ? "" : "s")}).")
            : string.Create(CultureInfo.InvariantCulture, $"Ledger BROKEN: {brokenCount} of {results.Count} station{(results.Count == 1 ? "" : "s")}."));
    }

    /// <summary>The break in words: its kind, where (table and sequence number), and what the verifier found.</summary>
    public static string Describe(LedgerBreak broken)
    {
        ArgumentNullException.ThrowIfNull(broken);
        var where = broken.Table is null
            ? string.Create(CultureInfo.InvariantCulture, $"at sequence {broken.Sequence}")
            : string.Create(CultureInfo.InvariantCulture, $"in {broken.Table} at sequence {broken.Sequence}");
        return $"{broken.Kind} {where}: {broken.Description}";
    }

    private static JsonObject ToJson(StationSettings settings, List<(LedgerVerification Result, string? Anchor)> results) => new()
    {
        ["database"] = settings.DescribeDatabase(),
        ["intact"] = results.All(r => r.Result.IsIntact),
        ["stations"] = new JsonArray([.. results.Select(r => (JsonNode)new JsonObject
        {
            ["stationId"] = r.Result.StationId,
            ["intact"] = r.Result.IsIntact,
            ["records"] = r.Result.RecordCount,
            ["head"] = r.Result.Head?.ToString(),
            ["anchor"] = r.Anchor,
            ["firstBreak"] = r.Result.FirstBreak is { } b ? new JsonObject
            {
                ["kind"] = b.Kind.ToString(),
                ["table"] = b.Table,
                ["sequence"] = b.Sequence,
                ["description"] = b.Description,
            } : null,
        })]),
    };
}
