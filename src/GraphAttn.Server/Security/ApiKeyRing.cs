using System.Security.Cryptography;
using System.Text;
using GraphAttn.Server.Options;

namespace GraphAttn.Server.Security;

/// <summary>
/// The configured API keys as SHA-256 digests. A presented key is hashed and compared with each digest in constant
/// time, so neither the configuration nor the timing gives a key away.
/// </summary>
public sealed class ApiKeyRing
{
    private readonly (byte[] Digest, ApiKeyOptions Key)[] _keys;

    /// <summary>Reads the keys of <paramref name="auth"/> (already validated: 64 hex digits each).</summary>
    public ApiKeyRing(AuthOptions auth)
    {
        ArgumentNullException.ThrowIfNull(auth);
        _keys = auth.ApiKeys.Where(k => k.Sha256.Length == 64).Select(k => (Convert.FromHexString(k.Sha256), k)).ToArray();
    }

    /// <summary>The key <paramref name="presented"/> matches, or null.</summary>
    public ApiKeyOptions? Find(string presented)
    {
        ArgumentNullException.ThrowIfNull(presented);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), digest);
        ApiKeyOptions? found = null;
        foreach (var (expected, key) in _keys)
            if (CryptographicOperations.FixedTimeEquals(expected, digest)) found ??= key;
        return found;
    }

    /// <summary>The SHA-256 of <paramref name="key"/> as configuration holds it (lower-case hex).</summary>
    public static string Digest(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
