using Microsoft.IdentityModel.Tokens;

namespace GraphAttn.Server.Security;

/// <summary>
/// Signing keys from a JSON Web Key Set file, read again whenever the file changes (a rotated Kubernetes secret is
/// picked up without a restart). If a new version cannot be read, the last good keys stay in use.
/// </summary>
public sealed class JwksFileKeys(string path)
{
    private readonly Lock _gate = new();
    private (DateTime WrittenAt, long Length) _version;
    private IReadOnlyList<SecurityKey> _keys = [];

    /// <summary>The file's path.</summary>
    public string Path { get; } = path;

    /// <summary>The current signing keys (reads the file when it changed since the last call).</summary>
    public IReadOnlyList<SecurityKey> Keys()
    {
        var info = new FileInfo(Path);
        if (!info.Exists) return _keys;
        var version = (info.LastWriteTimeUtc, info.Length);
        lock (_gate)
        {
            if (version == _version) return _keys;
            try
            {
                _keys = Load(Path);
                _version = version;
            }
            catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException)
            {
                // Keep the last good keys: a half-written file must not lock every caller out.
            }
            return _keys;
        }
    }

    /// <summary>Reads the signing keys of a JWKS file; throws when it is missing, malformed or holds none.</summary>
    public static IReadOnlyList<SecurityKey> Load(string path)
    {
        var keys = new JsonWebKeySet(File.ReadAllText(path)).GetSigningKeys();
        return keys.Count > 0 ? keys.ToList() : throw new ArgumentException($"JWKS file '{path}' holds no signing key.");
    }
}
