namespace Station.Host.Hosting;

/// <summary>The <c>Auth</c> section.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// An admin API key to accept from the first start on (e.g. <c>Auth__BootstrapAdminKey</c>); stored
    /// hashed like every key. Without it and without any admin, the host makes one and prints it once.
    /// </summary>
    public string BootstrapAdminKey { get; set; } = "";

    /// <summary>Development and demo only: create the users operator, engineer, qa, mes and admin with <see cref="DemoPassword"/>.</summary>
    public bool DemoUsers { get; set; }

    public string DemoPassword { get; set; } = "station";

    /// <summary>How long a sign-in lasts (sliding).</summary>
    public TimeSpan Session { get; set; } = TimeSpan.FromHours(12);
}
