using System.Buffers.Binary;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Station.Data;
using Station.Data.Entities;
using Station.Data.Ledger;
using Station.Data.Recording;
using Station.Testing;
using Xunit.Abstractions;

namespace Station.Host.Tests.Reliability;

/// <summary>
/// Issue 8, "kill -9 of the service at random points": the real host (this build's
/// Station.Host.dll) runs as a child process in auto mode with four simulated boards, a SQLite
/// database and a journal in one data folder, and is killed with SIGKILL at random moments (during
/// start-up and recovery, mid-write, mid-burn, right after a run ended, after a random number of
/// events; each kind in turn), then started again on the same folder. The simulated boards outlive every kill
/// (Devices:Simulator:StateDirectory: the board on each slot and its eFuses, each burn appended
/// before it takes effect). After the last kill the station starts once more, finishes a run on
/// every slot, and the records are checked: every run started has exactly one end; every end the
/// host announced (the hub's runEnded, sent only once the end is in the journal) is in the
/// database as announced; every burn a board took has its intent recorded, no word was burned
/// twice, every intent a kill left open was resolved by a re-read on the unit's next run; the
/// ledger verifies against the journal's head. STATION_KILL_COUNT sets the number of kills
/// (default 50; raise it for a soak), STATION_KILL_SEED the seed (default: the clock, printed).
/// </summary>
public sealed class ServiceKillTests(ITestOutputHelper output) : IDisposable
{
    private const string AdminKey = "kill-test-admin-key-0123456789abcdef";
    private const string StationName = "kill station";
    private const int Slots = 4;
    private static readonly TimeSpan KillPointWait = TimeSpan.FromSeconds(20);

    private readonly string _folder = Directory.CreateTempSubdirectory("station-service-kill-").FullName;

    private enum KillPoint
    {
        /// <summary>After a few console lines: migration check, access, recorder start, recovery, boards restored.</summary>
        StartUp,

        /// <summary>As soon as Kestrel listens (the restored boards' runs are under way).</summary>
        Listening,

        /// <summary>At the start of WriteImage, or one or two events into it.</summary>
        MidWrite,

        /// <summary>At the start of BurnFuses: the word is re-read and its intent made durable, the burn follows.</summary>
        BeforeBurn,

        /// <summary>The moment a board takes a burn (its fuse file grows): the burn is done, its result not yet recorded.</summary>
        MidBurn,

        /// <summary>Right after a runEnded (the end is durable; delivery and the next unit follow).</summary>
        AfterEnd,

        /// <summary>After a random number of hub events.</summary>
        Random,
    }

    private string DataDirectory => Path.Combine(_folder, "data");

    private string BoardsDirectory => Path.Combine(_folder, "boards");

    [Fact]
    public async Task KillNine_ServiceAtRandomPoints_EveryRunEndsOnceNothingDurableIsLostNoFuseBurnedTwiceLedgerVerifies()
    {
        var kills = Environment.GetEnvironmentVariable("STATION_KILL_COUNT") is { Length: > 0 } count ? int.Parse(count, CultureInfo.InvariantCulture) : 50;
        var seed = Environment.GetEnvironmentVariable("STATION_KILL_SEED") is { Length: > 0 } fixedSeed ? int.Parse(fixedSeed, CultureInfo.InvariantCulture) : Environment.TickCount;
        output.WriteLine($"seed {seed} (STATION_KILL_SEED={seed} repeats the kill points), {kills} kills");
        var random = new Random(seed);
        PrepareFolder();

        // Every end the host announced: the hub sends runEnded only after the end is in the journal.
        var announced = new Dictionary<Guid, string>();
        var points = new Dictionary<KillPoint, int>();
        for (var kill = 0; kill < kills; kill++)
        {
            // Every kind of point in turn (so each is covered about equally), the details at random.
            var point = (KillPoint)(kill % Enum.GetValues<KillPoint>().Length);
            var reached = await RunAndKillAsync(point, random, announced);
            points[point] = points.GetValueOrDefault(point) + 1;
            output.WriteLine($"kill {kill + 1}: {point}{(reached ? string.Empty : " (not reached in time: killed anyway)")}");
        }

        await FinishAsync(announced);
        await VerifyRecordsAsync(announced, points);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // The temp folder is cleaned by the OS.
        }
    }

    private void PrepareFolder()
    {
        var recipes = Directory.CreateDirectory(Path.Combine(_folder, "recipes")).FullName;
        foreach (var file in Directory.GetFiles(SharedTestData.RepositoryPath("samples/rt1064")))
        {
            File.Copy(file, Path.Combine(recipes, Path.GetFileName(file)));
        }
    }

    private Dictionary<string, string> Settings(bool plugAtStart, TimeSpan replugAfter) => new()
    {
        ["Station:Name"] = StationName,
        ["Station:DataDirectory"] = DataDirectory,
        ["Station:RecipesPath"] = Path.Combine(_folder, "recipes"),
        ["Station:DashboardPath"] = Path.Combine(_folder, "dashboard"),
        ["Station:DefaultRecipe"] = "recipe.yaml",
        ["Station:ApproveDefaultRecipeAs"] = "engineer",
        ["Station:Mode"] = "auto",
        ["Station:ReadYourWritesTimeout"] = "00:00:30",
        ["Devices:Mode"] = "Simulator",
        ["Devices:Simulator:Boards"] = Slots.ToString(CultureInfo.InvariantCulture),
        ["Devices:Simulator:TimeScale"] = "0.25",
        ["Devices:Simulator:PlugAtStart"] = plugAtStart ? "true" : "false",
        ["Devices:Simulator:ReplugAfter"] = replugAfter.ToString("c", CultureInfo.InvariantCulture),
        ["Devices:Simulator:StateDirectory"] = BoardsDirectory,
        ["Devices:Simulator:Api"] = "true",
        ["Auth:BootstrapAdminKey"] = AdminKey,
    };

    /// <summary>Starts the host with boards on every slot (a fresh one after each run), kills it at <paramref name="point"/>; false when the point did not come in time.</summary>
    private async Task<bool> RunAndKillAsync(KillPoint point, Random random, Dictionary<Guid, string> announced)
    {
        using var burnSeen = point == KillPoint.MidBurn ? new BurnWatch(BoardsDirectory) : null;
        await using var host = HostProcess.Start(_folder, Settings(plugAtStart: true, TimeSpan.FromMilliseconds(200)));
        using var wait = new CancellationTokenSource(KillPointWait);
        try
        {
            switch (point)
            {
                case KillPoint.MidBurn:
                    await burnSeen!.Burned.WaitAsync(wait.Token);
                    break;
                case KillPoint.StartUp:
                    for (var lines = random.Next(1, 14); lines > 0; lines--)
                    {
                        await host.Lines.ReadAsync(wait.Token);
                    }

                    break;
                case KillPoint.Listening:
                    await host.ListeningAsync(wait.Token);
                    break;
                default:
                    await using (var hub = await HubClient.ConnectAsync(await host.ListeningAsync(wait.Token), AdminKey, wait.Token))
                    {
                        await hub.InvokeAsync("Subscribe", [null], wait.Token);
                        var events = random.Next(1, 80);
                        var after = random.Next(0, 3);
                        var counting = false;
                        while (true)
                        {
                            var (target, argument) = await hub.NextEventAsync(wait.Token);
                            Announce(target, argument, announced);
                            counting |= point switch
                            {
                                KillPoint.MidWrite => IsStepStart(target, argument, "WriteImage"),
                                KillPoint.BeforeBurn => IsStepStart(target, argument, "BurnFuses"),
                                KillPoint.AfterEnd => target == "runEnded",
                                _ => --events <= 0,
                            };
                            if (counting && (point != KillPoint.MidWrite || after-- <= 0))
                            {
                                break;
                            }
                        }
                    }

                    break;
            }
        }
        catch (OperationCanceledException) when (wait.IsCancellationRequested)
        {
            Assert.False(host.HasExited, $"The host exited by itself:\n{host.RecentOutput}");
            await host.KillAsync();
            return false;
        }

        await host.KillAsync();
        return true;
    }

    /// <summary>
    /// The last start: no board is plugged until the test listens; then every slot gets its board
    /// (the one left there, or a fresh one), each runs once, and the ledger is verified through the
    /// API (which first waits for delivery). Then the host is killed once more.
    /// </summary>
    private async Task FinishAsync(Dictionary<Guid, string> announced)
    {
        await using var host = HostProcess.Start(_folder, Settings(plugAtStart: false, TimeSpan.Zero));
        var timeout = TestTimeouts.Unexpected;
        var address = await host.ListeningAsync(timeout);
        await using var hub = await HubClient.ConnectAsync(address, AdminKey, timeout);
        await hub.InvokeAsync("Subscribe", [null], timeout);
        using var admin = new HttpClient { BaseAddress = address };
        admin.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        for (var slot = 1; slot <= Slots; slot++)
        {
            var plugged = await admin.PostAsJsonAsync($"/api/sim/slots/{Uri.EscapeDataString($"slot {slot}")}/board", new { faults = "" }, timeout);
            Assert.True(plugged.IsSuccessStatusCode, $"plug slot {slot}: {plugged.StatusCode} {await plugged.Content.ReadAsStringAsync(timeout)}");
        }

        var ended = new HashSet<string>();
        while (ended.Count < Slots)
        {
            var (target, argument) = await hub.NextEventAsync(timeout);
            Announce(target, argument, announced);
            if (target == "runEnded")
            {
                Assert.True(ended.Add(argument["slot"]!.GetValue<string>()), $"a second run ended on {argument["slot"]}");
            }
        }

        var ledger = await admin.GetFromJsonAsync<JsonElement>("/api/ledger/verify", timeout);
        Assert.True(ledger.GetProperty("ok").GetBoolean(), ledger.ToString());
        Assert.True(ledger.GetProperty("anchored").GetBoolean(), $"the records had not reached the database: {ledger}");
        await host.KillAsync();
    }

    private async Task VerifyRecordsAsync(Dictionary<Guid, string> announced, Dictionary<KillPoint, int> points)
    {
        var timeout = TestTimeouts.Unexpected;
        var databases = new StationDbContextFactory(new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(DataDirectory, "station.db")}"));

        // The ledger: every record chained, up to the journal's newest record (nothing cut off).
        var head = RecordWriter.ReadJournalHead(Path.Combine(DataDirectory, "journal"));
        Assert.NotNull(head);
        var ledger = await new LedgerVerifier(databases).VerifyAsync(StationName, head, timeout);
        Assert.True(ledger.IsIntact, ledger.FirstBreak?.ToString());

        await using var db = databases.CreateDbContext();
        var starts = await db.RunStarts.ToListAsync(timeout);
        var ends = await db.RunEnds.ToListAsync(timeout);
        var intents = await db.FuseIntents.ToListAsync(timeout);
        var results = await db.FuseResults.ToListAsync(timeout);
        var sessions = await db.StationSessions.CountAsync(timeout);

        // Every run that started ended exactly once: by itself, or as interrupted by the next start's recovery.
        Assert.Empty(ends.GroupBy(e => e.RunId).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Equal(starts.Select(s => s.RunId).Order(), ends.Select(e => e.RunId).Order());

        // Nothing the host announced is lost, and it is recorded as announced.
        var endsById = ends.ToDictionary(e => e.RunId);
        Assert.All(announced, a =>
        {
            Assert.True(endsById.TryGetValue(a.Key, out var end), $"run {a.Key} was announced {a.Value} and is not in the records");
            Assert.Equal(a.Value, end!.Outcome.ToString(), ignoreCase: true);
        });

        // Every burn a board took was preceded by its recorded intent; no word was burned twice.
        var burns = ReadBoardBurns();
        Assert.NotEmpty(burns);
        Assert.All(burns.GroupBy(b => (b.ChipUid, b.Index)), word => Assert.True(word.Count() == 1, $"chip {word.Key.ChipUid} word {word.Key.Index} was burned {word.Count()} times"));
        var intentWords = intents.Select(i => (i.ChipUid, i.FuseIndex)).ToHashSet();
        Assert.All(burns, b => Assert.True(intentWords.Contains((b.ChipUid, b.Index)), $"chip {b.ChipUid} word {b.Index} was burned without a recorded intent"));

        // Every intent has exactly one result: its burn's, or the re-read of the unit's next run.
        Assert.All(intents, i => Assert.True(
            results.Count(r => r.IntentId == i.IntentId) == 1,
            $"intent {i.IntentId} (chip {i.ChipUid} word {i.FuseIndex}, run {i.RunId}) has {results.Count(r => r.IntentId == i.IntentId)} results"));

        // And the records tell the truth about the boards: per word, the intents whose result says
        // "burned as intended" (by the burn itself or by a later re-read) are the burns it took.
        var verified = intents.Where(i => results.Single(r => r.IntentId == i.IntentId).Verified).GroupBy(i => (i.ChipUid, i.FuseIndex)).ToDictionary(g => g.Key, g => g.Count());
        var burned = burns.GroupBy(b => b).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(burned.OrderBy(b => b.Key).ToList(), verified.OrderBy(v => v.Key).ToList());

        var interrupted = ends.Count(e => e.Outcome == RunOutcome.Interrupted);
        var reRead = results.Where(r => r.Outcome == FuseOutcome.ReRead).ToList();
        var midBurn = $"{reRead.Count(r => r.Verified)} burned and {reRead.Count(r => !r.Verified)} not burned";
        output.WriteLine(
            $"kill points: {string.Join(", ", points.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}"))}; {sessions} sessions; {starts.Count} runs: "
            + string.Join(", ", ends.GroupBy(e => e.Outcome).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"))
            + $"; {announced.Count} ends announced on the hub, all recorded; {burns.Count} fuse words burned on {burns.Select(b => b.ChipUid).Distinct().Count()} boards, none twice; "
            + $"{intents.Count} intents, of which left open by a kill and resolved by the unit's next run's re-read: {midBurn}; ledger intact, {ledger.RecordCount} records");
        Assert.True(interrupted > 0, "no kill interrupted a run");
    }

    /// <summary>Every burn each simulated board took, from its fuse file, with the chip UID as the records write it.</summary>
    private List<(string ChipUid, int Index)> ReadBoardBurns()
    {
        var burns = new List<(string, int)>();
        foreach (var file in Directory.GetFiles(BoardsDirectory, "*.fuses"))
        {
            var lines = File.ReadAllLines(file);
            const string Header = "station-sim-fuses chip 0x";
            Assert.StartsWith(Header, lines[0], StringComparison.Ordinal);
            var uniqueId = ulong.Parse(lines[0][Header.Length..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

            // The flashloader answers get-property 18 with CFG0 then CFG1, each little-endian (MBootClient.GetUniqueDeviceIdAsync).
            var bytes = new byte[sizeof(ulong)];
            BinaryPrimitives.WriteUInt64LittleEndian(bytes, uniqueId);
            var chipUid = Convert.ToHexStringLower(bytes);
            burns.AddRange(lines.Skip(1).Select(line => (chipUid, int.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture))));
        }

        return burns;
    }

    /// <summary>Completes when a simulated board's fuse file takes a program line (a burn has just been applied).</summary>
    private sealed class BurnWatch : IDisposable
    {
        private readonly FileSystemWatcher _watcher;
        private readonly TaskCompletionSource _burned = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public BurnWatch(string folder)
        {
            Directory.CreateDirectory(folder);
            _watcher = new FileSystemWatcher(folder, "*.fuses") { NotifyFilter = NotifyFilters.Size | NotifyFilters.LastWrite };
            _watcher.Changed += (_, changed) =>
            {
                try
                {
                    if (File.ReadAllText(changed.FullPath).Contains("\nprogram ", StringComparison.Ordinal))
                    {
                        _burned.TrySetResult();
                    }
                }
                catch (IOException)
                {
                    // Being written: the next change event reads it again.
                }
            };
            _watcher.EnableRaisingEvents = true;
        }

        public Task Burned => _burned.Task;

        public void Dispose() => _watcher.Dispose();
    }

    private static bool IsStepStart(string target, JsonObject argument, string step) =>
        target == "runStep" && argument["step"]?.GetValue<string>() == step && argument["status"]?.GetValue<string>() == "started";

    private static void Announce(string target, JsonObject argument, Dictionary<Guid, string> announced)
    {
        if (target == "runEnded")
        {
            announced[argument["runId"]!.GetValue<Guid>()] = argument["outcome"]!.GetValue<string>();
        }
    }
}
