namespace GraphAttn.Seeds.Naming;

/// <summary>Readable names for users, topics and content titles, built from small fixed word lists.</summary>
internal static class NameBook
{
    private static readonly string[] TopicWords =
    [
        "Jazz", "Hiking", "Baking", "Astronomy", "Chess", "Cycling", "Photography", "Gardening", "Poetry", "Robotics",
        "Surfing", "Pottery", "Birdwatching", "Climbing", "Coffee", "Cinema", "Typography", "Sailing", "Origami", "Folk",
        "Techno", "Opera", "Running", "Knitting", "Geology", "Comics", "Podcasts", "Skateboarding", "Calligraphy", "Tea",
        "Architecture", "Fermentation", "Retro Games", "Board Games", "Linguistics", "Mycology", "Woodworking", "Yoga",
        "Street Food", "Beekeeping", "Hip Hop", "Classical", "Anime", "Marathons", "Camping", "Painting", "Sci-Fi",
        "History", "Cryptography", "Ceramics", "Fly Fishing", "Drumming", "Ballet", "Urban Sketching", "Kayaking",
        "Vinyl", "Mathematics", "Volunteering", "Thrifting", "Meteorology",
    ];

    private static readonly string[] FirstNames =
    [
        "Ada", "Bram", "Chiara", "Dmitri", "Eszter", "Farid", "Greta", "Hiro", "Ines", "Jonas", "Kaia", "Lior", "Maren",
        "Nico", "Oona", "Pavel", "Quinn", "Rosa", "Soren", "Tamar", "Uma", "Viktor", "Wanjiru", "Xiadani", "Yusuf",
        "Zofia", "Amara", "Bastian", "Camille", "Diego", "Elif", "Finn", "Gaia", "Hamid", "Ilse", "Joao", "Kenji",
        "Leila", "Mateo", "Noor",
    ];

    private static readonly string[] LastNames =
    [
        "Abara", "Berg", "Costa", "Dube", "Eriksen", "Fontaine", "Gallo", "Horvat", "Ito", "Jansen", "Kowalski",
        "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov", "Quispe", "Rossi", "Sato", "Tanaka", "Ueda", "Varga",
        "Weber", "Xu", "Yilmaz", "Zeller", "Alves", "Brandt", "Castillo", "Duarte", "Engel", "Farouk", "Gomez",
        "Haddad", "Ivanova", "Jovanovic", "Keller", "Lopez", "Meyer", "Novak",
    ];

    private static readonly string[] TitleAdjectives =
    [
        "Quiet", "Late-Night", "Beginner's", "Unexpected", "Weekend", "Minimal", "Deep", "Rainy-Day", "Field", "Honest",
        "Tiny", "Long-Form", "Practical", "Curious", "Slow", "Bold",
    ];

    private static readonly string[] TitleForms =
    [
        "Notes", "Guide", "Mix", "Diary", "Session", "Review", "Thread", "Sketches", "Tips", "Stories", "Playlist",
        "Q&A", "Walkthrough", "Journal",
        // Two forms that need RFC 4180 quoting, so every loader meets a comma and a quote in the demo data.
        "Notes, Vol. 2", "\"Live\" Session",
    ];

    /// <summary>Topic name; past the word list a number keeps names unique ("Jazz 2").</summary>
    public static string Topic(int topic)
    {
        var word = TopicWords[topic % TopicWords.Length];
        var round = topic / TopicWords.Length;
        return round == 0 ? word : $"{word} {round + 1}";
    }

    /// <summary>User display name; names repeat across users, as real names do.</summary>
    public static string User(int user) =>
        $"{FirstNames[user % FirstNames.Length]} {LastNames[user / FirstNames.Length % LastNames.Length]}";

    /// <summary>Content title from its first topic plus words chosen by its index (no randomness needed).</summary>
    public static string Title(int content, string topicName) =>
        $"{TitleAdjectives[content * 7 % TitleAdjectives.Length]} {topicName} {TitleForms[content * 5 % TitleForms.Length]}";
}
