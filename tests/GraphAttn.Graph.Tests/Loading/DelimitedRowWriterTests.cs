using GraphAttn.Graph.Loading;

namespace GraphAttn.Graph.Tests.Loading;

public sealed class DelimitedRowWriterTests
{
    [Fact]
    public void Field_TextNeedingQuotes_QuotedPerRfc4180()
    {
        using var folder = new TempFolder();
        var path = folder.File("t.csv");
        using (var w = new DelimitedRowWriter(path))
        {
            w.Header(["a", "b", "c", "d"]);
            w.Field("plain");
            w.Field("with, comma");
            w.Field("say \"hi\"");
            w.Field("two\nlines");
            w.EndRow();
        }

        var text = File.ReadAllText(path);
        Assert.Equal("a,b,c,d\nplain,\"with, comma\",\"say \"\"hi\"\"\",\"two\nlines\"\n", text);
        Assert.Equal(["plain", "with, comma", "say \"hi\"", "two\nlines"], CsvTable.Read(path).Rows[0]);
    }

    [Fact]
    public void Field_Numbers_InvariantShortestForm()
    {
        using var folder = new TempFolder();
        var path = folder.File("n.csv");
        using (var w = new DelimitedRowWriter(path))
        {
            w.Field(1_748_736_238_279L);
            w.Field(-3L);
            w.Field(2.0);
            w.Field(0.1234);
            w.EndRow();
        }

        Assert.Equal("1748736238279,-3,2,0.1234\n", File.ReadAllText(path));
    }

    [Fact]
    public void Dispose_NonAsciiText_Utf8WithoutBom()
    {
        using var folder = new TempFolder();
        var path = folder.File("u.csv");
        using (var w = new DelimitedRowWriter(path))
        {
            w.Field("Zoë");
            w.EndRow();
        }

        Assert.Equal("Zoë\n"u8.ToArray(), File.ReadAllBytes(path));
    }
}
