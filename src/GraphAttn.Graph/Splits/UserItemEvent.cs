namespace GraphAttn.Graph.Splits;

/// <summary>A distinct (user, item) pair with the time the user first met the item (epoch ms).</summary>
public readonly record struct UserItemEvent(int User, int Item, long Timestamp);
