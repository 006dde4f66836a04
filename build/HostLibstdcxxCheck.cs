// Inline MSBuild task (compiled by RoslynCodeTaskFactory): does the host's libstdc++ define a given version?
using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class HostLibstdcxxCheck : Task
{
    private static readonly string[] Candidates =
    {
        "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/usr/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6", "/lib64/libstdc++.so.6",
    };

    /// <summary>Version name to look for, e.g. GLIBCXX_3.4.32.</summary>
    [Required] public string VersionName { get; set; } = "";

    /// <summary>True when a host libstdc++ was found and it defines the version.</summary>
    [Output] public bool HasVersion { get; set; }

    public override bool Execute()
    {
        var library = Candidates.FirstOrDefault(File.Exists);
        if (library is null)
        {
            Log.LogMessage(MessageImportance.Low, "No host libstdc++.so.6 found; treating it as lacking " + VersionName);
            return true;
        }
        // The version name appears in .dynstr only when the library defines (or needs) it; libstdc++ needs no
        // GLIBCXX version of its own, so presence means it defines it.
        var needle = Encoding.ASCII.GetBytes(VersionName + "\0");
        HasVersion = Contains(File.ReadAllBytes(library), needle);
        Log.LogMessage(MessageImportance.Low, $"{library} defines {VersionName}: {HasVersion}");
        return true;
    }

    private static bool Contains(byte[] haystack, byte[] needle)
    {
        for (var i = Array.IndexOf(haystack, needle[0]); i >= 0 && i <= haystack.Length - needle.Length;
             i = Array.IndexOf(haystack, needle[0], i + 1))
        {
            var j = 1;
            while (j < needle.Length && haystack[i + j] == needle[j]) j++;
            if (j == needle.Length) return true;
        }
        return false;
    }
}
