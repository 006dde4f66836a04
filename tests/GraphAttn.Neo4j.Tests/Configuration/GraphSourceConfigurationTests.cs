using GraphAttn.Neo4j.Configuration;
using Microsoft.Extensions.Configuration;

namespace GraphAttn.Neo4j.Tests.Configuration;

public sealed class GraphSourceConfigurationTests
{
    private static IConfiguration Config(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    [Fact]
    public void FromConfiguration_SchemaOverridesAndPageSize_BoundOthersDefault()
    {
        var options = Neo4jGraphSourceConfiguration.FromConfiguration(Config(new()
        {
            ["Neo4j:Database"] = "social",
            ["Neo4j:PageSize"] = "500",
            ["Neo4j:Schema:UserLabel"] = "Person",
            ["Neo4j:Schema:Follows"] = "KNOWS",
        }));
        Assert.Equal(("social", 500, "Person", "KNOWS", "userId"),
            (options.Database, options.PageSize, options.Schema.UserLabel, options.Schema.Follows, options.Schema.UserId));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("many")]
    public void FromConfiguration_BadPageSize_ErrorNamesKey(string pageSize)
    {
        var ex = Assert.Throws<InvalidOperationException>(() =>
            Neo4jGraphSourceConfiguration.FromConfiguration(Config(new() { ["Neo4j:PageSize"] = pageSize })));
        Assert.Contains("Neo4j:PageSize", ex.Message);
    }
}
