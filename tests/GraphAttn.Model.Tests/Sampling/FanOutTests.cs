using GraphAttn.Model.Sampling;

namespace GraphAttn.Model.Tests.Sampling;

public sealed class FanOutTests
{
    [Theory]
    [InlineData("10", 10, 10, 10)]
    [InlineData("5,10,15", 5, 10, 15)]
    [InlineData(" 4 , 2 ,1", 4, 2, 1)]
    public void Parse_ValidText_GivesPerRelationValues(string text, int follows, int interactions, int contentUsers) =>
        Assert.Equal(new FanOut(follows, interactions, contentUsers), FanOut.Parse(text));

    [Fact]
    public void Parse_All_KeepsEveryEdge() => Assert.Equal(FanOut.All, FanOut.Parse("all"));

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("1,2")]
    [InlineData("a,b,c")]
    public void Parse_BadText_ThrowsNamingIt(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => FanOut.Parse(text));
        Assert.Contains($"'{text}'", error.Message);
    }

    [Fact]
    public void ToString_RoundTripsThroughParse() => Assert.Equal(new FanOut(3, 7, 9), FanOut.Parse(new FanOut(3, 7, 9).ToString()));
}
