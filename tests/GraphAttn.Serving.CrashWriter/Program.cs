using GraphAttn.Serving.Snapshots;
using GraphAttn.Serving.CrashWriter;

// Usage: CrashWriter <snapshot path> <users> <contents> <dims> <first generation>
// Writes generation g, g+1, ... to the same path forever, printing "wrote g" after each rename, until killed.
string path = args[0];
int users = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
int contents = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
int dims = int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture);
int generation = int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture);
Console.WriteLine("ready");
while (true)
{
    SnapshotWriter.Write(GenerationSnapshot.Create(generation, users, contents, dims), path);
    Console.WriteLine($"wrote {generation}");
    generation++;
}
