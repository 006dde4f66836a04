using GraphAttn.Evaluation.Reports;
using GraphAttn.Ranking.Evaluators;
using GraphAttn.Ranking.Metrics;

namespace GraphAttn.Evaluation.Tests.Reports;

public sealed class ReportTests
{
    private static readonly EvalReport Sample = new("demo", "3 users", "random", [10],
    [
        new MethodResult("Pop", "content", 3, new Dictionary<string, double> { ["Recall@10"] = 0.12345, ["NDCG@10"] = 0.5 }, 0.2),
        new MethodResult("jaccard", "friends", 2, new Dictionary<string, double> { ["Recall@10"] = 0.25, ["AUC"] = double.NaN }, 0.1),
    ], 1.5, DateTimeOffset.UnixEpoch);

    [Fact]
    public void Markdown_RendersOneTablePerTaskWithFourDecimals()
    {
        var md = MarkdownReport.Render(Sample);
        Assert.Contains("### content (3 test users, full ranking)", md);
        Assert.Contains("| Pop | 0.1235 | 0.5000 |", md);
        Assert.Contains("### friends (2 test users, full ranking)", md);
        Assert.Contains("AUC |", md);
    }

    [Fact]
    public void Json_RoundTrip_KeepsNaN()
    {
        var back = JsonReport.FromJson(JsonReport.ToJson(Sample));
        Assert.Equal(0.12345, back.Results[0].Metrics["Recall@10"]);
        Assert.True(double.IsNaN(back.Results[1].Metrics["AUC"]));
    }

    [Fact]
    public void QualityGate_ParseAndCheck()
    {
        var gate = QualityGate.Parse("pop:Recall@10=0.2");
        Assert.Equal("pop", gate.Method);
        Assert.Equal(new MetricKey(MetricKind.Recall, 10), gate.Metric);
        Assert.Single(gate.Check(Sample));
        Assert.Empty(QualityGate.Parse("Recall@10=0.1").Check(Sample));
        Assert.Single(QualityGate.Parse("AUC=0.5").Check(Sample)); // NaN never passes a gate
        Assert.Throws<FormatException>(() => QualityGate.Parse("Recall@10>0.1"));
    }
}
