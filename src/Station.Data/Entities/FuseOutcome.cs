namespace Station.Data.Entities;

/// <summary>What became of a fuse intent (stored as text: burned, failed, already_programmed, reread).</summary>
public enum FuseOutcome
{
    /// <summary>The word was programmed; <see cref="FuseResultRecord.ValueAfter"/> holds the read-back.</summary>
    Burned,

    /// <summary>Programming failed (see the device status).</summary>
    Failed,

    /// <summary>The re-read before burning showed the requested bits already set; nothing was burned.</summary>
    AlreadyProgrammed,

    /// <summary>Resolution of an intent left without a result (crash): the word was re-read on a later run.</summary>
    ReRead,
}
