using GraphAttn.Graph.Loading.GraphSeeds;
using GraphAttn.Model.Checkpoints;
using GraphAttn.Tests.Shared.Bolt;

namespace GraphAttn.Cli.Tests.Commands;

/// <summary><c>embed --write-neo4j</c> against the scripted in-process Bolt server: index, then one UNWIND batch.</summary>
public sealed class WriteNeo4jTests
{
    private const string Script = StubScripts.Login + """
        C: BEGIN {}
        S: SUCCESS {}
        C: RUN "CREATE VECTOR INDEX `user_embedding` IF NOT EXISTS FOR (n:`User`) ON (n.`embedding`) OPTIONS {indexConfig: {`vector.dimensions`: 16, `vector.similarity_function`: 'cosine'}}" {} {}
        C: PULL {"n":1000}
        S: SUCCESS {"fields":[]}
        S: SUCCESS {"type":"s"}
        C: COMMIT
        S: SUCCESS {}
        C: BEGIN {}
        S: SUCCESS {}
        C: RUN "UNWIND $rows AS row MATCH (n:`User` {`userId`: row.id}) SET n.`embedding` = row.vector RETURN count(n) AS updated" {"rows":[{"id":"ua","vector":[*]},{"id":"ub","vector":[*]},{"id":"uc","vector":[*]}]} {}
        C: PULL {"n":1000}
        S: SUCCESS {"fields":["updated"]}
        S: RECORD [2]
        S: SUCCESS {"type":"w"}
        C: COMMIT
        S: SUCCESS {}
        """;

    [Fact]
    public async Task Embed_WriteNeo4j_CreatesTheIndexAndWritesEveryUserInOneBatch()
    {
        using var folder = new TempFolder();
        var graphFolder = TinySeeds(folder);
        var graph = new CsvGraphSource(graphFolder).Load();
        var checkpoint = folder.File("checkpoint");
        using (var model = UntrainedModels.Untrained(graph)) Checkpoint.Save(checkpoint, model, UntrainedModels.Metadata(graph), CheckpointIds.Of(graph));
        var passwordFile = folder.File("password");
        await File.WriteAllTextAsync(passwordFile, StubScripts.Password + "\n");
        await using var server = new ScriptedBoltServer(Script);

        var (code, output, error) = await Task.Run(() => EmbedCommandTests.Run("embed", "--graph", graphFolder, "--checkpoint", checkpoint,
            "--out", folder.File("tiny.gasnap"), "--write-neo4j", server.Uri.ToString(), "--neo4j-user", "neo4j",
            "--neo4j-password-file", passwordFile)).WaitAsync(TimeSpan.FromSeconds(60));
        await server.Completion.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.True(code == 0, error);
        Assert.Contains("2 of 3 users updated in 1 transactions (1 ids not found), vector index 16 dimensions", output);
        Assert.Contains("neo4j write-back 3/3 users", error);
        Assert.DoesNotContain(StubScripts.Password, output + error);
    }

    private static string TinySeeds(TempFolder folder)
    {
        var path = Directory.CreateDirectory(folder.File("tiny")).FullName;
        void Write(string name, params string[] lines) => File.WriteAllLines(Path.Combine(path, name), lines);
        Write("users.csv", "userId:ID(User),name,joinedAt:long", "ua,A,1", "ub,B,1", "uc,C,1");
        Write("follows.csv", ":START_ID(User),:END_ID(User),since:long", "ua,ub,1", "ub,ua,1");
        Write("contents.csv", "contentId:ID(Content),title,createdAt:long", "c1,One,1", "c2,Two,1");
        Write("topics.csv", "topicId:ID(Topic),name", "t1,Jazz");
        Write("tagged.csv", ":START_ID(Content),:END_ID(Topic)", "c1,t1");
        Write("posted.csv", ":START_ID(User),:END_ID(Content),ts:long", "ua,c1,1");
        Write("interactions.csv", ":START_ID(User),:END_ID(Content),kind,ts:long,weight:float", "ua,c1,like,1000,1", "uc,c2,view,2000,1");
        return path;
    }
}
