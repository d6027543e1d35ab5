namespace Station.Core.Runs;

/// <summary>Why a step failed, which decides what the pipeline does next (DESIGN.md failure classes).</summary>
public enum FailureClass
{
    /// <summary>Timeout, disconnect, short or malformed report: re-open and retry; wait for the board if it left.</summary>
    Transport,

    /// <summary>A device status that may clear (20106 and friends): climb the recovery ladder.</summary>
    DeviceTransient,

    /// <summary>A device status that will not change on retry (range error, HAB closed and image unsigned): stop.</summary>
    DevicePermanent,

    /// <summary>A requested fuse bit is already burned the other way: stop before writing anything.</summary>
    FuseConflict,

    /// <summary>The written image does not read back as written.</summary>
    VerifyMismatch,

    /// <summary>The board did not appear in the expected mode in time.</summary>
    StageTimeout,

    /// <summary>The station's own fault (a bug): recorded with the exception.</summary>
    Internal,
}
