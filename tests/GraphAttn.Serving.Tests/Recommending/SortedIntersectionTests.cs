using GraphAttn.Graph;
using GraphAttn.Serving.Recommending;

namespace GraphAttn.Serving.Tests.Recommending;

/// <summary>Intersections by binary search of the longer list against the merge walks they stand in for.</summary>
public sealed class SortedIntersectionTests
{
    [Theory]
    [InlineData(0, 50)]
    [InlineData(3, 5000)]
    [InlineData(40, 100)]
    [InlineData(40, 4000)]
    [InlineData(200, 200)]
    public void CountAndCommon_RandomSortedLists_EqualMergeWalk(int shortLength, int longLength)
    {
        var random = new Random(shortLength * 7919 + longLength);
        for (int trial = 0; trial < 20; trial++)
        {
            int[] a = Sorted(random, shortLength, 3 * longLength);
            int[] b = Sorted(random, longLength, 3 * longLength);

            Assert.Equal(Neighbourhood.Common(a, b), SortedIntersection.Common(a, b));
            Assert.Equal(Neighbourhood.Common(a, b), SortedIntersection.Common(b, a));
            Assert.Equal(Neighbourhood.CountCommon(a, b), SortedIntersection.Count(a, b));
            Assert.Equal(Neighbourhood.CountCommon(a, b), SortedIntersection.Count(b, a));
        }
    }

    private static int[] Sorted(Random random, int length, int range) =>
        [.. Enumerable.Range(0, length).Select(_ => random.Next(range)).Distinct().Order()];
}
