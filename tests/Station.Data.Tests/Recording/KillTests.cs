using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Station.Data.Entities;
using Station.Data.Ledger;
using Station.Data.Queries;
using Station.Testing;
using Xunit.Abstractions;

namespace Station.Data.Tests.Recording;

/// <summary>
/// The kill -9 test: a child process (this assembly, <see cref="RecorderChild"/>) records
/// runs in a loop and is killed at random points, many times. Then the station starts once more
/// and: every record the child had been told was durable is in the database, every run ended
/// exactly once (passed, or interrupted by recovery), fuse intents of interrupted runs are flagged,
/// and the ledger verifies.
/// </summary>
public sealed class KillTests(PostgresDatabase postgres, ITestOutputHelper output) : IClassFixture<PostgresDatabase>
{
    private const string StationId = "station-kill";

    [Fact]
    public async Task KillNine_AtRandomPoints_Sqlite_NothingDurableIsLostAndTheLedgerVerifies()
    {
        await using var database = await TestDatabase.Sqlite().MigratedAsync();
        await KillRepeatedlyAsync(database, kills: 12);
    }

    [PostgresFact]
    public async Task KillNine_AtRandomPoints_Postgres_NothingDurableIsLostAndTheLedgerVerifies()
    {
        await using var database = await (await TestDatabase.PostgresAsync(postgres)).MigratedAsync();
        await KillRepeatedlyAsync(database, kills: 8);
    }

    private async Task KillRepeatedlyAsync(TestDatabase database, int kills)
    {
        var seed = Environment.TickCount;
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var durableIntents = new HashSet<Guid>();
        var endedRuns = new HashSet<Guid>();
        var durableSessions = new HashSet<Guid>();
        for (var kill = 0; kill < kills; kill++)
        {
            // -1: kill as soon as the child has started (during its recovery); else after that many durability points.
            var killAfter = random.Next(-1, 15);
            var lines = await RunAndKillAsync(database, seed + kill, killAfter);
            var session = Guid.Parse(lines[0].Split(' ')[1]);
            if (lines.Any(l => l.StartsWith("intent", StringComparison.Ordinal) || l.StartsWith("ended", StringComparison.Ordinal)))
            {
                durableSessions.Add(session); // its session record precedes a durable record, so it is durable too
            }

            foreach (var line in lines)
            {
                var parts = line.Split(' ');
                switch (parts[0])
                {
                    case "intent":
                        durableIntents.Add(Guid.Parse(parts[2]));
                        break;
                    case "ended":
                        endedRuns.Add(Guid.Parse(parts[1]));
                        break;
                }
            }

            output.WriteLine($"kill {kill}: after {killAfter} acks; {lines.Count} lines");
        }

        // The station starts once more: delivery catches up and recovery ends what the kills left open.
        await using (var writer = await database.StartWriterAsync(database.WriterOptions(StationId)))
        {
            var report = await writer.Recovery.WaitAsync(TestTimeouts.Unexpected);
            await writer.WaitForDeliveryAsync(TestTimeouts.Unexpected);
            output.WriteLine($"recovery: {report.InterruptedRuns.Count} runs, {report.UnresolvedFuseIntents} fuse intents");
            Assert.Equal(0, writer.Status.Undelivered);
        }

        var verification = await new LedgerVerifier(database.Factory).VerifyAsync(StationId, null, TestTimeouts.Unexpected);
        Assert.True(verification.IsIntact, $"seed {seed}: {verification.FirstBreak}");

        await using var db = database.Factory.CreateDbContext();
        var intents = (await db.FuseIntents.Select(i => i.IntentId).ToListAsync(TestTimeouts.Unexpected)).ToHashSet();
        Assert.Empty(durableIntents.Except(intents));
        var ends = await db.RunEnds.ToListAsync(TestTimeouts.Unexpected);
        var passed = ends.Where(e => e.Outcome == RunOutcome.Passed).Select(e => e.RunId).ToHashSet();
        Assert.Empty(endedRuns.Except(passed));
        Assert.True(endedRuns.Count > 0, $"seed {seed}: the children finished no run at all");

        // Every run ended exactly once: passed by itself, or interrupted by recovery.
        var starts = await db.RunStarts.Select(r => r.RunId).ToListAsync(TestTimeouts.Unexpected);
        Assert.Equal(starts.Order(), ends.Select(e => e.RunId).Order());
        Assert.All(ends, e => Assert.Contains(e.Outcome, new[] { RunOutcome.Passed, RunOutcome.Interrupted }));
        Assert.Empty(await new RecordQueries(database.Factory).GetOpenRunsAsync(StationId, TestTimeouts.Unexpected));

        // An intent without a result belongs to a run that was interrupted, and is flagged for its unit.
        var interrupted = ends.Where(e => e.Outcome == RunOutcome.Interrupted).Select(e => e.RunId).ToHashSet();
        var unresolved = await db.FuseIntents.Where(i => !db.FuseResults.Any(r => r.IntentId == i.IntentId)).ToListAsync(TestTimeouts.Unexpected);
        Assert.All(unresolved, i => Assert.Contains(i.RunId, interrupted));
        foreach (var intent in unresolved)
        {
            Assert.True(await new RecordQueries(database.Factory).HasUnresolvedFuseIntentAsync(intent.ChipUid, TestTimeouts.Unexpected));
        }

        // A child killed before its first journal write leaves no session; every other one does.
        var sessions = await db.StationSessions.Select(r => r.SessionId).ToListAsync(TestTimeouts.Unexpected);
        Assert.Empty(durableSessions.Except(sessions));
        Assert.InRange(sessions.Count, durableSessions.Count + 1, kills + 1);
    }

    /// <summary>Starts the child, reads its lines until the kill point, kills it (SIGKILL) and returns every line it printed.</summary>
    private static async Task<List<string>> RunAndKillAsync(TestDatabase database, int seed, int killAfter)
    {
        var start = new ProcessStartInfo
        {
            FileName = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "exec", typeof(RecorderChild).Assembly.Location, RecorderChild.Mode, database.Provider.ToString(),
            database.Options.ConnectionString, database.JournalDirectory, StationId, seed.ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start)!;
        var errors = child.StandardError.ReadToEndAsync(TestTimeouts.Unexpected);
        var lines = new List<string>();
        try
        {
            var timeout = TestTimeouts.Unexpected;
            var acks = 0;
            var recovered = false;
            while (true)
            {
                var line = await child.StandardOutput.ReadLineAsync(timeout)
                    ?? throw new InvalidOperationException($"The child exited with {child.ExitCode}: {await errors}");
                lines.Add(line);
                recovered |= line.StartsWith("recovered", StringComparison.Ordinal);
                acks += line.StartsWith("intent", StringComparison.Ordinal) || line.StartsWith("ended", StringComparison.Ordinal) ? 1 : 0;
                if ((killAfter < 0 && line.StartsWith("started", StringComparison.Ordinal)) || (recovered && acks >= killAfter))
                {
                    break;
                }
            }
        }
        finally
        {
            child.Kill(entireProcessTree: true); // SIGKILL: no finally blocks, no flush, no dispose in the child
            await child.WaitForExitAsync(TestTimeouts.Unexpected);
        }

        // Lines the child printed before it died are promises too.
        while (await child.StandardOutput.ReadLineAsync(TestTimeouts.Unexpected) is { } rest)
        {
            lines.Add(rest);
        }

        return lines;
    }
}
