using GraphAttn.Neo4j.PackStream;
using GraphAttn.Neo4j.Tests.Support;
using GraphAttn.Tests.Shared.Bolt;

namespace GraphAttn.Neo4j.Tests.PackStream;

/// <summary>The C# codec against the official JavaScript one (neo4j-driver-bolt-connection 6.3.0), both ways.</summary>
public sealed class CrossCodecTests
{
    private static string Pack(object? value)
    {
        var writer = new PackStreamWriter();
        writer.Write(value);
        return Convert.ToHexStringLower(writer.WrittenSpan);
    }

    private static object? Unpack(string hex)
    {
        var bytes = Convert.FromHexString(hex);
        var reader = new PackStreamReader(bytes);
        var value = reader.ReadValue();
        Assert.Equal(0, reader.Remaining);
        return value;
    }

    [Fact]
    public void Pack_EveryCorpusValue_JsUnpacksSameValue()
    {
        var corpus = ValueCorpus.All();
        var results = JsOracle.Unpack(corpus.Select(Pack));
        for (var i = 0; i < corpus.Count; i++)
        {
            Assert.Null(results[i]!["error"]);
            Assert.Equal(JsOracle.Canonical(TaggedJson.FromValue(corpus[i])), JsOracle.Canonical(results[i]!["value"]));
        }
    }

    [Fact]
    public void Unpack_JsPackedCorpus_SameValueAndSameBytes()
    {
        var corpus = ValueCorpus.All();
        var jsHex = JsOracle.Pack(corpus.Select(v => TaggedJson.FromValue(v, sortMaps: false)));
        for (var i = 0; i < corpus.Count; i++)
        {
            var decoded = Unpack(jsHex[i]);
            Assert.Equal(JsOracle.Canonical(TaggedJson.FromValue(corpus[i])), JsOracle.Canonical(TaggedJson.FromValue(decoded)));
            Assert.Equal(jsHex[i], Pack(corpus[i]));
        }
    }

    [Theory]
    [InlineData(-17L, "c8ef")]
    [InlineData(128L, "c90080")]
    [InlineData(1.23, "c13ff3ae147ae147ae")]
    public void Pack_PlatformNoteExamples_MatchRecordedBytes(object value, string hex) => Assert.Equal(hex, Pack(value));

    [Fact]
    public void Unpack_NodeBytesFromJsDriver_GivesTypedNode()
    {
        var node = Assert.IsType<Values.Node>(Unpack("b44e01918455736572a085343a783a31"));
        Assert.Equal(1, node.Id);
        Assert.Equal(["User"], node.Labels);
        Assert.Equal("4:x:1", node.ElementId);
    }

    [Fact]
    public void Unpack_UnknownSignature_SurfacedAsUnknownStructure()
    {
        var unknown = Assert.IsType<Values.UnknownStructure>(Unpack("b27a8166 01".Replace(" ", "")));
        Assert.Equal(0x7A, unknown.Signature);
        Assert.Equal(["f", 1L], unknown.Fields);
    }
}
