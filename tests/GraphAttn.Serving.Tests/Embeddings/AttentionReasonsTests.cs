using GraphAttn.Contracts.V1;
using GraphAttn.Graph;
using GraphAttn.Serving.Embeddings;
using GraphAttn.Serving.Tests.Support;

namespace GraphAttn.Serving.Tests.Embeddings;

public sealed class AttentionReasonsTests
{
    private readonly SocialGraph _graph;
    private readonly AttentionReasons _reasons;

    public AttentionReasonsTests()
    {
        _graph = TinyWorld.Graph();
        var snapshot = TinyWorld.Snapshot(_graph.Fingerprint);
        _reasons = new AttentionReasons(_graph, snapshot, SnapshotAlignment.Create(_graph, snapshot));
    }

    private int C(string id) => _graph.Contents.TryGetIndex(id, out int i) ? i : throw new KeyNotFoundException(id);

    private int U(string id) => _graph.Users.TryGetIndex(id, out int i) ? i : throw new KeyNotFoundException(id);

    [Fact]
    public void ExplainContent_AttendedFriendsEngagedAndSimilarHistory_GivesBothWithWeights()
    {
        IReadOnlyList<Reason> reasons = _reasons.ExplainContent(U("u1"), C("c2"));

        Assert.Equal([ReasonKind.FriendsEngaged, ReasonKind.SimilarToHistory], reasons.Select(r => r.Kind));
        Assert.Equal("Name u2 and Name u3, whom you attend to, engaged with it", reasons[0].Text);
        Assert.Equal([("u2", 0.7f), ("u3", 0.3f)], reasons[0].Evidence.Select(e => (e.Id, e.Weight)));
        Assert.Equal("Because you engaged with Title c1", reasons[1].Text);
        Assert.Equal(MathF.Sqrt(0.5f), Assert.Single(reasons[1].Evidence).Weight, 5);
    }

    [Fact]
    public void ExplainContent_NoFriendEngaged_OnlyHistoryReason()
    {
        IReadOnlyList<Reason> reasons = _reasons.ExplainContent(U("u1"), C("c4"));

        Reason only = Assert.Single(reasons);
        Assert.Equal(ReasonKind.SimilarToHistory, only.Kind);
        Assert.Equal(1f, Assert.Single(only.Evidence).Weight, 5);
    }

    [Fact]
    public void ExplainContent_ContentWithoutEmbedding_NoReasons()
    {
        Assert.Empty(_reasons.ExplainContent(U("u1"), C("c5")));
    }

    [Fact]
    public void ExplainFriend_AttendedFriendsFollowCandidate_NamesThemByAttention()
    {
        Reason reason = Assert.Single(_reasons.ExplainFriend(U("u1"), U("u4")));

        Assert.Equal(ReasonKind.MutualFriends, reason.Kind);
        Assert.Equal("Followed by Name u2 and Name u3, whom you attend to", reason.Text);
        Assert.Equal([0.7f, 0.3f], reason.Evidence.Select(e => e.Weight));
    }

    [Fact]
    public void ExplainFriend_NoAttendedFollower_FallsBackToSimilarInterests()
    {
        Reason reason = Assert.Single(_reasons.ExplainFriend(U("u2"), U("u1")));

        Assert.Equal(ReasonKind.SimilarInterests, reason.Kind);
    }
}
