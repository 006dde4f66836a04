using System.Security.Claims;

namespace GraphAttn.Server.Security;

/// <summary>
/// The scopes a caller may hold and what each opens. A JWT carries them in its <c>scope</c> claim (space-separated,
/// as OAuth 2.0 has it) or <c>scp</c>; an API key lists them in configuration. Each is also the name of the
/// authorization policy that checks it.
/// </summary>
public static class Scopes
{
    /// <summary>RecommendationService and ProfileService: reading recommendations and profiles.</summary>
    public const string Recommend = "recommend";

    /// <summary>EventService: recording interactions and follows.</summary>
    public const string Events = "events";

    /// <summary>AdminService: service information and reloads.</summary>
    public const string Admin = "admin";

    /// <summary>Every scope.</summary>
    public static readonly string[] All = [Recommend, Events, Admin];

    /// <summary>Policy for endpoints any authenticated caller may use (reflection beyond loopback).</summary>
    public const string AnyCaller = "graphattn.any-caller";

    /// <summary>Whether <paramref name="user"/> holds <paramref name="scope"/>.</summary>
    public static bool Holds(ClaimsPrincipal user, string scope)
    {
        ArgumentNullException.ThrowIfNull(user);
        foreach (var claim in user.Claims)
        {
            if (claim.Type is not ("scope" or "scp")) continue;
            foreach (var value in claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                if (string.Equals(value, scope, StringComparison.Ordinal)) return true;
        }
        return false;
    }
}
