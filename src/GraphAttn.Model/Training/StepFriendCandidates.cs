namespace GraphAttn.Model.Training;

/// <summary>
/// Friend negative candidates drawn from the users a step computes anyway (content rows, followers, followees), so that
/// a full-graph step needs no other user's vector. The pool over-represents active users, which makes the candidates
/// somewhat harder than uniform ones; the hardest of K is still chosen by the current model.
/// </summary>
internal static class StepFriendCandidates
{
    /// <summary>
    /// The friend batch of <paramref name="batch"/> with K candidates per positive drawn from the step's pool, never the
    /// row itself nor one of its follows (given up after 20 tries, as <see cref="HardNegatives.Draw"/>).
    /// </summary>
    /// <param name="batch">The step.</param>
    /// <param name="follows">Every training follow (a row's positives are never its candidates).</param>
    /// <param name="seed">Seed of this step's draw (from the run's seed and the step number).</param>
    public static TaskBatch Draw(StepBatch batch, PositivePairs follows, ulong seed)
    {
        var friends = batch.Friends;
        var pool = Pool(batch);
        var random = new Random((int)(seed ^ (seed >> 32)));
        var k = friends.K;
        var drawn = new int[friends.Count * k];
        for (var i = 0; i < friends.Count; i++)
        {
            var row = friends.Rows[i];
            for (var j = 0; j < k; j++)
            {
                int c, tries = 0;
                do c = pool[random.Next(pool.Length)];
                while ((c == row || follows.Matrix.Contains(row, c)) && ++tries < 20);
                drawn[i * k + j] = c;
            }
        }
        return friends with { Candidates = drawn };
    }

    private static int[] Pool(StepBatch batch) =>
        [.. batch.Content.Rows.Concat(batch.Friends.Rows).Concat(batch.Friends.Positives).Distinct().Order()];
}
