using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace Station.Host.Hosting;

/// <summary>
/// Runs the host as a Windows service without the hosting package: the service control
/// dispatcher through advapi32 (StartServiceCtrlDispatcherW, RegisterServiceCtrlHandlerExW,
/// SetServiceStatus). <see cref="TryConnect"/> starts the dispatcher on its own thread; when the
/// process was not started by the service control manager the call fails at once with
/// ERROR_FAILED_SERVICE_CONTROLLER_CONNECT (1063) and the host runs as a console program.
/// As a service, SCM's stop request stops the host; the host reports running once started and
/// stopped once stopped. (Compiled everywhere, exercised only on Windows.)
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed partial class WindowsServiceHost : IHostLifetime, IDisposable
{
    private const int ErrorFailedServiceControllerConnect = 1063;
    private const uint ServiceWin32OwnProcess = 0x10;
    private const uint ServiceStopped = 1;
    private const uint ServiceStartPending = 2;
    private const uint ServiceStopPending = 3;
    private const uint ServiceRunning = 4;
    private const uint ServiceAcceptStop = 1;
    private const uint ServiceAcceptShutdown = 4;
    private const uint ControlStop = 1;
    private const uint ControlInterrogate = 4;
    private const uint ControlShutdown = 5;

    private readonly ManualResetEventSlim _started = new();
    private readonly ManualResetEventSlim _mainReturned = new();
    private readonly ServiceMainFunction _main;
    private readonly HandlerFunction _handler;
    private nint _status;
    private IHostApplicationLifetime? _lifetime;
    private int _error;

    private WindowsServiceHost()
    {
        _main = ServiceMain;
        _handler = Handler;
    }

    [UnmanagedFunctionPointer(CallingConvention.Winapi)]
    private delegate void ServiceMainFunction(int argc, nint argv);

    [UnmanagedFunctionPointer(CallingConvention.Winapi)]
    private delegate int HandlerFunction(uint control, uint eventType, nint eventData, nint context);

    /// <summary>Connects to the service control manager; null when the process is not a service.</summary>
    public static WindowsServiceHost? TryConnect()
    {
        var host = new WindowsServiceHost();
        var dispatcher = new Thread(host.Dispatch) { IsBackground = true, Name = "Windows service dispatcher" };
        dispatcher.Start();
        // Either the dispatcher fails at once (not a service) or SCM calls ServiceMain.
        WaitHandle.WaitAny([host._started.WaitHandle, host._mainReturned.WaitHandle]);
        if (host._started.IsSet)
        {
            return host;
        }

        host.Dispose();
        return null;
    }

    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Report(ServiceStopped);
        return Task.CompletedTask;
    }

    /// <summary>Hooks the host's lifetime: report running once it has started.</summary>
    public void Attach(IHostApplicationLifetime lifetime)
    {
        _lifetime = lifetime;
        lifetime.ApplicationStarted.Register(() => Report(ServiceRunning));
        lifetime.ApplicationStopping.Register(() => Report(ServiceStopPending));
    }

    public void Dispose()
    {
        _started.Dispose();
        _mainReturned.Dispose();
    }

    private void Dispatch()
    {
        var table = new ServiceTableEntry[]
        {
            new() { ServiceName = Marshal.StringToHGlobalUni(""), ServiceProc = Marshal.GetFunctionPointerForDelegate(_main) },
            default,
        };
        if (!StartServiceCtrlDispatcher(table))
        {
            _error = Marshal.GetLastPInvokeError();
        }

        _mainReturned.Set();
    }

    private void ServiceMain(int argc, nint argv)
    {
        _status = RegisterServiceCtrlHandlerEx("", Marshal.GetFunctionPointerForDelegate(_handler), 0);
        Report(ServiceStartPending);
        _started.Set();
    }

    private int Handler(uint control, uint eventType, nint eventData, nint context)
    {
        switch (control)
        {
            case ControlStop or ControlShutdown:
                Report(ServiceStopPending);
                _lifetime?.StopApplication();
                break;
            case ControlInterrogate:
                break;
        }

        return 0;
    }

    private void Report(uint state)
    {
        if (_status == 0)
        {
            return;
        }

        var status = new ServiceStatus
        {
            ServiceType = ServiceWin32OwnProcess,
            CurrentState = state,
            ControlsAccepted = state == ServiceRunning ? ServiceAcceptStop | ServiceAcceptShutdown : 0,
            Win32ExitCode = (uint)(_error == ErrorFailedServiceControllerConnect ? 0 : _error),
            WaitHint = state is ServiceStartPending or ServiceStopPending ? 30_000u : 0,
        };
        SetServiceStatus(_status, ref status);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct ServiceTableEntry
    {
        public nint ServiceName;
        public nint ServiceProc;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct ServiceStatus
    {
        public uint ServiceType;
        public uint CurrentState;
        public uint ControlsAccepted;
        public uint Win32ExitCode;
        public uint ServiceSpecificExitCode;
        public uint CheckPoint;
        public uint WaitHint;
    }

    [LibraryImport("advapi32.dll", EntryPoint = "StartServiceCtrlDispatcherW", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool StartServiceCtrlDispatcher([In] ServiceTableEntry[] table);

    [LibraryImport("advapi32.dll", EntryPoint = "RegisterServiceCtrlHandlerExW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    private static partial nint RegisterServiceCtrlHandlerEx(string serviceName, nint handler, nint context);

    [LibraryImport("advapi32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool SetServiceStatus(nint handle, ref ServiceStatus status);
}
