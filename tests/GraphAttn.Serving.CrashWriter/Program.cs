using GraphAttn.Serving.CrashWriter;
using GraphAttn.Serving.Snapshots;

// Usage: CrashWriter <snapshot path> <users> <contents> <dims> <first generation>
// Writes generation g, g+1, ... to the same path forever, printing "writing g" before each write and "wrote g"
// after its rename, until killed.
string path = args[0];
int users = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
int contents = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
int dims = int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture);
int generation = int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture);
Console.WriteLine("ready");
while (true)
{
    EmbeddingSnapshot snapshot = GenerationSnapshot.Create(generation, users, contents, dims);
    Console.WriteLine($"writing {generation}");
    SnapshotWriter.Write(snapshot, path);
    Console.WriteLine($"wrote {generation}");
    generation++;
}
