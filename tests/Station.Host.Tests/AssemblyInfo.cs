// The host tests build whole hosts of the same Program; WebApplicationFactory intercepts host
// building process-wide, so the classes run one after the other (which also suits 2 cores).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
