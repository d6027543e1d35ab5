namespace Station.Protocols.MBoot;

/// <summary>One row of the MBoot status table (PROTOCOLS.md Appendix A).</summary>
/// <param name="Code">The status word.</param>
/// <param name="Name">The spec's label (SPSDK's name), e.g. <c>FlexSPINORCommandFailure</c>.</param>
/// <param name="Description">What blhost prints, e.g. <c>FlexSPINOR: Command Failure</c>.</param>
public sealed record MBootStatusInfo(MBootStatusCode Code, string Name, string Description);
