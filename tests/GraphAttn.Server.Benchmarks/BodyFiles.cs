namespace GraphAttn.Server.Benchmarks;

/// <summary>One request body file per case and user, in a temporary folder deleted on dispose (h2load reads bodies from files).</summary>
internal sealed class BodyFiles : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("graphattn-bodies-").FullName;
    private readonly Dictionary<(RpcCase, string), string> _paths = [];

    public BodyFiles(IEnumerable<RpcCase> cases, IReadOnlyList<string> users)
    {
        Users = users;
        foreach (RpcCase rpc in cases)
        {
            for (int u = 0; u < users.Count; u++)
            {
                string path = Path.Combine(_folder, $"{rpc.Name.Split(' ')[0]}-{u}.bin");
                File.WriteAllBytes(path, rpc.Body(users[u]));
                _paths[(rpc, users[u])] = path;
            }
        }
    }

    /// <summary>The users bodies were written for.</summary>
    public IReadOnlyList<string> Users { get; }

    /// <summary>The body file of <paramref name="rpc"/> for <paramref name="user"/>.</summary>
    public string Of(RpcCase rpc, string user) => _paths[(rpc, user)];

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
