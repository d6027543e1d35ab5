namespace Station.Simulator;

/// <summary>Why a personality stopped serving its link, and what the board does next.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Image">For <see cref="SessionEnd.Jumped"/>: the image jumped to.</param>
internal sealed record SessionOutcome(SessionEnd Kind, LoadedImage? Image = null)
{
    public static SessionOutcome HostGone { get; } = new(SessionEnd.HostGone);

    public static SessionOutcome Reset { get; } = new(SessionEnd.Reset);

    public static SessionOutcome Disconnected { get; } = new(SessionEnd.Disconnected);

    public static SessionOutcome Executed { get; } = new(SessionEnd.Executed);

    public static SessionOutcome BootFailed { get; } = new(SessionEnd.BootFailed);
}

/// <summary>The kinds of <see cref="SessionOutcome"/>.</summary>
internal enum SessionEnd
{
    /// <summary>The host closed its end; the board stays as it is.</summary>
    HostGone,

    /// <summary>The MCU resets (reset command or the reset fault): RAM flashloader gone.</summary>
    Reset,

    /// <summary>The ROM jumped to a flashloader image.</summary>
    Jumped,

    /// <summary>The ROM jumped, but the image never came up: the board returns to the ROM.</summary>
    BootFailed,

    /// <summary>The flashloader handed the MCU to an application (execute).</summary>
    Executed,

    /// <summary>The device end went away (disconnect fault); over USB the board re-enumerates as it was.</summary>
    Disconnected,
}
