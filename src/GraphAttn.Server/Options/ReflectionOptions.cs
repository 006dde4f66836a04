namespace GraphAttn.Server.Options;

/// <summary>Configuration section "GraphAttn:Reflection".</summary>
public sealed class ReflectionOptions
{
    /// <summary>
    /// Serve grpc.reflection even when an endpoint listens beyond loopback (it then needs an authenticated caller
    /// when authentication is on). On loopback-only servers reflection is always on. Default false: reflection tells
    /// anyone who can connect every method and message of the API.
    /// </summary>
    public bool Enabled { get; set; }
}
