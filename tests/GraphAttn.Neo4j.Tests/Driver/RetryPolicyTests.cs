using GraphAttn.Neo4j.Driver;
using GraphAttn.Neo4j.Errors;
using GraphAttn.Tests.Shared.Bolt;

namespace GraphAttn.Neo4j.Tests.Driver;

public sealed class RetryPolicyTests
{
    [Fact]
    public async Task ExecuteAsync_AlwaysTransient_ExponentialJitteredDelaysUntilBudgetSpent()
    {
        var time = new FakeTime();
        var delays = new List<TimeSpan>();
        var attempts = 0;
        var policy = new RetryPolicy
        {
            Random = new Random(42),
            Delay = (d, _) => { delays.Add(d); time.Advance(d); return Task.CompletedTask; },
        };
        await Assert.ThrowsAsync<TransientException>(() => policy.ExecuteAsync<int>(_ =>
        {
            attempts++;
            throw new TransientException("busy", "Neo.TransientError.General.DatabaseUnavailable");
        }, time, CancellationToken.None).Within());
        Assert.Equal(delays.Count + 1, attempts);
        for (var i = 0; i < delays.Count; i++)
        {
            Assert.InRange(delays[i].TotalSeconds, 0.8 * Math.Pow(2, i), 1.2 * Math.Pow(2, i));
        }

        var total = delays.Sum(d => d.TotalSeconds);
        Assert.True(total - delays[^1].TotalSeconds < 30 && total >= 30, $"delays {string.Join(", ", delays)}");
    }

    [Fact]
    public async Task ExecuteAsync_ServiceUnavailableThenSuccess_ReturnsResult()
    {
        var calls = 0;
        var policy = new RetryPolicy { Delay = (_, _) => Task.CompletedTask };
        var result = await policy.ExecuteAsync(_ => ++calls < 3
            ? throw new ServiceUnavailableException("gone")
            : Task.FromResult("ok"), new FakeTime(), CancellationToken.None).Within();
        Assert.Equal(("ok", 3), (result, calls));
    }

    [Theory]
    [InlineData("Neo.TransientError.Transaction.Terminated", typeof(ClientException))]
    [InlineData("Neo.TransientError.Transaction.DeadlockDetected", typeof(TransientException))]
    [InlineData("Neo.DatabaseError.General.UnknownError", typeof(DatabaseException))]
    [InlineData("Neo.ClientError.Security.Unauthorized", typeof(AuthenticationException))]
    [InlineData("Neo.ClientError.Statement.SyntaxError", typeof(ClientException))]
    public void Classify_ServerCodes_TypedExceptions(string code, Type expected) =>
        Assert.IsType(expected, FailureClassifier.Classify(code, "m", null));
}
