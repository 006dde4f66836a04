using GraphAttn.Graph.Baselines;

namespace GraphAttn.Graph.Tests;

public sealed class TruncatedItemFilterTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Accumulate_KeepingEveryEntry_EqualsTheExactFilter(int seed)
    {
        var (rows, columns) = RandomRows(seed, rows: 60, columns: 45, density: 0.12);
        var filter = new GraphFilter(rows, columns);
        var items = TruncatedItemFilter.Build(filter, keep: columns);
        var (exact, summed, touched) = (new float[columns], new float[columns], new int[columns]);
        for (var u = 0; u < rows.NodeCount; u++)
        {
            filter.Score(u, exact);
            Array.Clear(summed);
            var count = 0;
            items.Accumulate(filter.RowColumns(u), summed, touched, ref count);

            for (var j = 0; j < columns; j++) Assert.Equal(exact[j], summed[j], 1e-5f);
            // touched lists exactly the non-zero entries, each once
            Assert.Equal(Enumerable.Range(0, columns).Where(j => summed[j] != 0f), touched.Take(count).Order());
        }
    }

    [Fact]
    public void Build_SmallKeep_KeepsEachItemsLargestEntriesBestFirst()
    {
        var (rows, columns) = RandomRows(seed: 3, rows: 80, columns: 30, density: 0.2);
        var filter = new GraphFilter(rows, columns);
        var all = TruncatedItemFilter.Build(filter, keep: columns);
        var three = TruncatedItemFilter.Build(filter, keep: 3);

        for (var i = 0; i < columns; i++)
        {
            var full = all.Neighbors(i).ToArray().Zip(all.Weights(i).ToArray()).ToList();
            // best first, ties to the lower index
            var expected = full.OrderByDescending(e => e.Second).ThenBy(e => e.First).Take(3).ToList();
            Assert.Equal(expected, three.Neighbors(i).ToArray().Zip(three.Weights(i).ToArray()));
        }
        Assert.True(three.EntryCount <= 3 * columns);
        Assert.True(all.EntryCount > three.EntryCount);
    }

    [Fact]
    public void Build_OverTheEntryBudget_EveryItemKeepsTheSameFewerLargest()
    {
        var (rows, columns) = RandomRows(seed: 5, rows: 80, columns: 30, density: 0.2);
        var filter = new GraphFilter(rows, columns);
        var all = TruncatedItemFilter.Build(filter, keep: columns);
        var five = TruncatedItemFilter.Build(filter, keep: 5);

        // Room for five a row but not six: asked for twenty, every item keeps its five largest.
        var budgeted = TruncatedItemFilter.Build(filter, keep: 20, maxEntries: five.EntryCount + 3);

        Assert.True(all.EntryCount > five.EntryCount + 3);
        Assert.Equal(5, budgeted.Keep);
        for (var i = 0; i < columns; i++) Assert.Equal(five.Neighbors(i).ToArray(), budgeted.Neighbors(i).ToArray());
        Assert.Equal(all.EntryCount, TruncatedItemFilter.Build(filter, keep: columns, maxEntries: all.EntryCount).EntryCount);
    }

    [Fact]
    public void Build_Twice_SameRows()
    {
        var (rows, columns) = RandomRows(seed: 4, rows: 200, columns: 150, density: 0.05);
        var filter = new GraphFilter(rows, columns);
        var (a, b) = (TruncatedItemFilter.Build(filter, 7), TruncatedItemFilter.Build(filter, 7));
        for (var i = 0; i < columns; i++)
        {
            Assert.Equal(a.Neighbors(i).ToArray(), b.Neighbors(i).ToArray());
            Assert.Equal(a.Weights(i).ToArray(), b.Weights(i).ToArray());
        }
    }

    [Fact]
    public void Accumulate_ItemBeyondTheFilter_AddsNothing()
    {
        var filter = new GraphFilter(Csr.FromEdges(2, [0, 1], [0, 1]), 2);
        var items = TruncatedItemFilter.Build(filter, 5);
        var (scores, touched) = (new float[4], new int[4]);
        var count = 0;

        items.Accumulate([3], scores, touched, ref count);

        Assert.Equal(0, count);
        Assert.All(scores, s => Assert.Equal(0f, s));
    }

    private static (Csr Rows, int Columns) RandomRows(int seed, int rows, int columns, double density)
    {
        var random = new Random(seed);
        var (sources, targets) = (new List<int>(), new List<int>());
        for (var u = 0; u < rows; u++)
            for (var i = 0; i < columns; i++)
                if (random.NextDouble() < density || i == u % columns)
                {
                    sources.Add(u);
                    targets.Add(i);
                }
        return (Csr.FromEdges(rows, [.. sources], [.. targets]), columns);
    }
}
