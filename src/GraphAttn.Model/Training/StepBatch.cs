namespace GraphAttn.Model.Training;

/// <summary>What one training step scores: a batch of interactions and a proportional batch of follows.</summary>
/// <param name="Content">User -> content positives with their negative candidates.</param>
/// <param name="Friends">Follower -> followee positives with their negative candidates.</param>
public sealed record StepBatch(TaskBatch Content, TaskBatch Friends)
{
    /// <summary>
    /// The users a step needs vectors of (content rows, followers, followees, friend candidates), ascending and
    /// distinct: the target users of a mini-batch block.
    /// </summary>
    public int[] Users() => Distinct(Content.Rows, Friends.Rows, Friends.Positives, Friends.Candidates);

    /// <summary>The contents a step needs vectors of (positives and candidates), ascending and distinct.</summary>
    public int[] Contents() => Distinct(Content.Positives, Content.Candidates);

    private static int[] Distinct(params int[][] lists)
    {
        var all = new int[lists.Sum(l => l.Length)];
        var at = 0;
        foreach (var list in lists)
        {
            list.CopyTo(all, at);
            at += list.Length;
        }
        Array.Sort(all);
        var write = 0;
        for (var i = 0; i < all.Length; i++)
            if (i == 0 || all[i] != all[i - 1]) all[write++] = all[i];
        return all[..write];
    }
}
