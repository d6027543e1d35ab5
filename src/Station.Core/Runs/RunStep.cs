namespace Station.Core.Runs;

/// <summary>The steps of a run, in the order of DESIGN.md's provisioning flow.</summary>
public enum RunStep
{
    /// <summary>ROM: read HAB state, write-file the flashloader, jump to it, wait for it to appear.</summary>
    LoadFlashloader,

    /// <summary>Flashloader: version, max packet size, unique ID.</summary>
    Identify,

    /// <summary>Read every fuse word the recipe names and classify it (nothing is written).</summary>
    PlanFuses,

    /// <summary>configure-memory with the recipe's option words or FCB.</summary>
    ConfigureMemory,

    /// <summary>flash-erase-region over the image span, aligned to sectors.</summary>
    Erase,

    /// <summary>Program the FlexSPI configuration block (0xF000000F, or the FCB file).</summary>
    ProgramFcb,

    /// <summary>write-memory of the boot image.</summary>
    WriteImage,

    /// <summary>Read the image back and compare SHA-256.</summary>
    Verify,

    /// <summary>Burn the fuse words that still differ, re-reading each first and after.</summary>
    BurnFuses,

    /// <summary>Reset: the board boots the application.</summary>
    Reset,
}
