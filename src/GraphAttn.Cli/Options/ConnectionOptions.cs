using System.CommandLine;
using GraphAttn.Cli.Client;

namespace GraphAttn.Cli.Options;

/// <summary>
/// How a client command reaches the server: address and deadline, TLS (a private CA, a client certificate for mutual
/// TLS) and credentials (a bearer token or an API key). Credentials are read from the options or from
/// GRAPHATTN_TOKEN / GRAPHATTN_API_KEY, never given a default value (help would print it) and never printed.
/// </summary>
internal sealed class ConnectionOptions
{
    public Option<string> Address { get; } = CommonOptions.Address();

    public Option<double> Timeout { get; } = CommonOptions.Timeout();

    public Option<FileInfo?> CaFile { get; } = new("--ca-file")
    {
        Description = "PEM file of the CA that signed the server's certificate (https:// addresses; default: the system's CAs).",
    };

    public Option<FileInfo?> ClientCert { get; } = new("--client-cert")
    {
        Description = "PEM client certificate for mutual TLS (with --client-key).",
    };

    public Option<FileInfo?> ClientKey { get; } = new("--client-key") { Description = "PEM private key of --client-cert." };

    public Option<string?> Token { get; } = new("--token")
    {
        Description = "Bearer token sent with every call (default: GRAPHATTN_TOKEN).",
    };

    public Option<string?> ApiKey { get; } = new("--api-key")
    {
        Description = "API key sent as x-api-key with every call (default: GRAPHATTN_API_KEY).",
    };

    /// <summary>Every option, to add to a command.</summary>
    public IEnumerable<Option> All => [Address, Timeout, CaFile, ClientCert, ClientKey, Token, ApiKey];

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in All) command.Options.Add(option);
    }

    /// <summary>The settings <paramref name="parse"/> gives.</summary>
    public ChannelSettings Read(ParseResult parse) => new(
        parse.GetValue(Address)!,
        parse.GetValue(CaFile)?.FullName,
        parse.GetValue(ClientCert)?.FullName,
        parse.GetValue(ClientKey)?.FullName,
        parse.GetValue(Token) ?? Environment.GetEnvironmentVariable("GRAPHATTN_TOKEN"),
        parse.GetValue(ApiKey) ?? Environment.GetEnvironmentVariable("GRAPHATTN_API_KEY"));
}
