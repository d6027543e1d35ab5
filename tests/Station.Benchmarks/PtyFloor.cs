using System.Buffers.Binary;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Station.Benchmarks.Sinks;
using Station.Protocols.Transport;

namespace Station.Benchmarks;

/// <summary>
/// The floor of the pseudo-terminal scenarios: the exact byte exchange of a UART write-memory
/// (command, ACK + response, ACK; per 512-byte data frame the frame out and its ACK back; final
/// response), done with precomputed frames and plain blocking read/write calls on the slave, against
/// the same <see cref="BlockingPtySink"/>. What it costs is the kernel's tty work plus two thread
/// wake-ups per frame; no MBoot client, no async machinery, no CRC computation.
/// </summary>
internal static partial class PtyFloor
{
    private const int ORdWr = 0x2;
    private const int ONoCtty = 0x100;
    private const int MiB = 1024 * 1024;
    private const int Packet = 512;

    public static async Task<(List<double> Cpu, List<double> Wall)> MeasureAsync(BenchmarkOptions options)
    {
        using var sink = BlockingPtySink.Open();

        // SerialPortTransport puts the slave in raw mode (termios lives with the tty); our blocking
        // descriptor opened meanwhile keeps the tty, and its settings, alive afterwards.
        int fd;
        await using (SerialPortTransport.Open(sink.SlavePath, 115_200))
        {
            fd = Open(sink.SlavePath, ORdWr | ONoCtty);
            if (fd < 0)
            {
                throw new IOException($"open {sink.SlavePath}: errno {Marshal.GetLastPInvokeError()}");
            }
        }

        try
        {
            var command = Frame(0xA4, WriteMemoryCommand(MiB));
            var data = new byte[MiB];
            new Random(42).NextBytes(data);
            var frames = Enumerable.Range(0, MiB / Packet).Select(i => Frame(0xA5, data.AsSpan(i * Packet, Packet))).ToArray();
            var ack = new byte[] { 0x5A, 0xA1 };
            var buffer = new byte[64];

            void WriteOneMebibyte()
            {
                WriteAll(fd, command);
                ReadExactly(fd, buffer.AsSpan(0, 2 + 18)); // ACK, GenericResponse
                WriteAll(fd, ack);
                foreach (var frame in frames)
                {
                    WriteAll(fd, frame);
                    ReadExactly(fd, buffer.AsSpan(0, 2)); // ACK
                }

                ReadExactly(fd, buffer.AsSpan(0, 18)); // final GenericResponse
                WriteAll(fd, ack);
            }

            var warmup = Stopwatch.StartNew();
            while (warmup.Elapsed < options.Warmup)
            {
                WriteOneMebibyte();
            }

            var cpu = new List<double>();
            var wall = new List<double>();
            for (var repetition = 0; repetition < options.Repetitions; repetition++)
            {
                var before = CpuClock.ProcessTime() - sink.DeviceCpu;
                var clock = Stopwatch.StartNew();
                for (var i = 0; i < options.MebibytesPerRepetition; i++)
                {
                    WriteOneMebibyte();
                }

                var used = CpuClock.ProcessTime() - sink.DeviceCpu - before;
                cpu.Add(used.TotalMilliseconds / options.MebibytesPerRepetition);
                wall.Add(clock.Elapsed.TotalMilliseconds / options.MebibytesPerRepetition);
            }

            return (cpu, wall);
        }
        finally
        {
            _ = Close(fd);
        }
    }

    private static byte[] WriteMemoryCommand(int count)
    {
        // 04 01 00 03 | address | byteCount | memoryId (PROTOCOLS.md 3.1, 3.2).
        var packet = new byte[16];
        packet[0] = 0x04;
        packet[1] = 0x01;
        packet[3] = 0x03;
        BinaryPrimitives.WriteUInt32LittleEndian(packet.AsSpan(4), 0x2020_0000);
        BinaryPrimitives.WriteUInt32LittleEndian(packet.AsSpan(8), (uint)count);
        return packet;
    }

    private static byte[] Frame(byte type, ReadOnlySpan<byte> payload)
    {
        var frame = new byte[6 + payload.Length];
        frame[0] = 0x5A;
        frame[1] = type;
        BinaryPrimitives.WriteUInt16LittleEndian(frame.AsSpan(2), (ushort)payload.Length);
        payload.CopyTo(frame.AsSpan(6));
        BinaryPrimitives.WriteUInt16LittleEndian(frame.AsSpan(4), Crc16Xmodem.Compute(payload, Crc16Xmodem.Compute(frame.AsSpan(0, 4))));
        return frame;
    }

    private static unsafe void WriteAll(int fd, ReadOnlySpan<byte> bytes)
    {
        fixed (byte* start = bytes)
        {
            for (var done = 0; done < bytes.Length;)
            {
                var written = (int)Write(fd, start + done, bytes.Length - done);
                done += written > 0 ? written : throw new IOException($"write: errno {Marshal.GetLastPInvokeError()}");
            }
        }
    }

    private static unsafe void ReadExactly(int fd, Span<byte> destination)
    {
        fixed (byte* start = destination)
        {
            for (var done = 0; done < destination.Length;)
            {
                var count = (int)Read(fd, start + done, destination.Length - done);
                done += count > 0 ? count : throw new IOException($"read: errno {Marshal.GetLastPInvokeError()}");
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static unsafe partial nint Read(int fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static unsafe partial nint Write(int fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
