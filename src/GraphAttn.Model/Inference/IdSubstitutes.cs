using GraphAttn.Model.Modeling;
using static TorchSharp.torch;

namespace GraphAttn.Model.Inference;

/// <summary>
/// The stand-in id vector of a TARGET user without a weight row (a user newer than the checkpoint): the mean id vector
/// of its followees that have rows, the social prior a newcomer's taste is closest to; zero when it follows no known
/// user. As (target, followee, 1/count) triples added onto the zero rows. Shapes: Targets, Sources [P], Scale [P, 1].
/// </summary>
internal sealed record IdSubstitutes(Tensor Targets, Tensor Sources, Tensor Scale)
{
    /// <summary>The triples for <paramref name="block"/>, or null when every target has a row.</summary>
    public static IdSubstitutes? Create(UserBlock block, LocalNodes users, NodeRows rows)
    {
        List<long> targets = [], sources = [];
        List<float> scale = [];
        for (var t = 0; t < block.Targets.Length; t++)
        {
            if (block.Targets[t] >= 0 && rows.UserRow(block.Targets[t]) >= 0) continue;
            var known = block.Followees.Of(t).ToArray().Where(f => f >= 0 && rows.UserRow(f) >= 0).Distinct().ToArray();
            foreach (var f in known)
            {
                targets.Add(t);
                sources.Add(users.Add(f)); // already local: every followee was added with the follow edges
                scale.Add(1f / known.Length);
            }
        }
        return targets.Count == 0 ? null : new IdSubstitutes(tensor(targets.ToArray()), tensor(sources.ToArray()), tensor(scale.ToArray()).view(-1, 1));
    }

    /// <summary>Adds the stand-ins onto <paramref name="ids"/> [Nu, D] (whose rows for these targets are zero).</summary>
    public Tensor Apply(Tensor ids) => ids.index_add(0, Targets, ids.index_select(0, Sources) * Scale, Scalars.One);
}
