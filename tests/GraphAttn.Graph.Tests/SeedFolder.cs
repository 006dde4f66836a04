namespace GraphAttn.Graph.Tests;

/// <summary>A temporary graph-seeds folder written from strings; deleted on dispose.</summary>
internal sealed class SeedFolder : IDisposable
{
    public SeedFolder(Dictionary<string, string> files)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ga-seeds-" + Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(Path);
        foreach (var (name, text) in files) File.WriteAllText(System.IO.Path.Combine(Path, name), text);
    }

    public string Path { get; }

    /// <summary>A small valid folder; pass overrides to corrupt one file.</summary>
    public static SeedFolder Valid(Dictionary<string, string>? overrides = null)
    {
        var files = new Dictionary<string, string>
        {
            ["users.csv"] = "userId:ID(User),name,joinedAt:long\nu1,Ann,10\nu2,\"Bo, Jr\",20\nu3,Cy,30\n",
            ["contents.csv"] = "contentId:ID(Content),title,createdAt:long\nc1,Song,1\nc2,Match,2\n",
            ["topics.csv"] = "topicId:ID(Topic),name\nt1,Music\nt2,Sport\n",
            ["follows.csv"] = ":START_ID(User),:END_ID(User),since:long\nu1,u2,100\nu2,u3,200\n",
            ["interactions.csv"] = ":START_ID(User),:END_ID(Content),kind,ts:long,weight:float\nu1,c1,view,500,1\nu1,c2,like,400,2.5\nu3,c1,share,600,4\n",
            ["posted.csv"] = ":START_ID(User),:END_ID(Content),ts:long\nu2,c1,1\n",
            ["tagged.csv"] = ":START_ID(Content),:END_ID(Topic)\nc1,t1\nc2,t2\n",
        };
        foreach (var (k, v) in overrides ?? []) files[k] = v;
        return new SeedFolder(files);
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
