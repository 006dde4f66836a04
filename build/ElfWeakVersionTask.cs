// Inline MSBuild task (compiled by RoslynCodeTaskFactory) that marks one GLIBCXX version requirement of an ELF
// shared library as weak. See TorchSharpNativeFix.targets for when and why it runs.
using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class ElfWeakVersionTask : Task
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlagWeak = 0x2;

    /// <summary>Libraries in the build or publish output to patch in place (never the NuGet cache).</summary>
    [Required] public ITaskItem[] Libraries { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Version name whose requirement becomes weak, e.g. GLIBCXX_3.4.32.</summary>
    [Required] public string VersionName { get; set; } = "";

    public override bool Execute()
    {
        foreach (var item in Libraries)
        {
            var path = item.GetMetadata("FullPath");
            try
            {
                var bytes = File.ReadAllBytes(path);
                var offset = FindVernauxFlags(bytes, VersionName);
                if (offset < 0)
                {
                    Log.LogMessage(MessageImportance.Low, $"{path}: no {VersionName} requirement, nothing to patch.");
                    continue;
                }
                var flags = BitConverter.ToUInt16(bytes, offset);
                if ((flags & VerFlagWeak) != 0)
                {
                    Log.LogMessage(MessageImportance.Low, $"{path}: {VersionName} already weak.");
                    continue;
                }
                var stamp = File.GetLastWriteTimeUtc(path);
                BitConverter.GetBytes((ushort)(flags | VerFlagWeak)).CopyTo(bytes, offset);
                // Write a new file and rename it over the old one: the output copy may be a hard link into the
                // NuGet cache, which must stay untouched.
                var temp = path + ".weak.tmp";
                File.WriteAllBytes(temp, bytes);
                File.Delete(path);
                File.Move(temp, path);
                // Keep the copy's timestamp so the SDK's unchanged-file check does not recopy and re-patch it.
                File.SetLastWriteTimeUtc(path, stamp);
                Log.LogMessage(MessageImportance.High, $"TorchSharp native fix: marked {VersionName} weak in {path}");
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                Log.LogError($"{path}: cannot patch {VersionName}: {e.Message}");
            }
        }
        return !Log.HasLoggedErrors;
    }

    /// <summary>File offset of vna_flags of the verneed aux entry named <paramref name="name"/>, or -1.</summary>
    private static int FindVernauxFlags(byte[] elf, string name)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException("not an ELF file");
        if (elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException("only 64-bit little-endian ELF is supported");
        var shoff = checked((int)BitConverter.ToUInt64(elf, 0x28));
        int shentsize = BitConverter.ToUInt16(elf, 0x3A), shnum = BitConverter.ToUInt16(elf, 0x3C);
        for (var i = 0; i < shnum; i++)
        {
            var sh = shoff + i * shentsize;
            if (BitConverter.ToUInt32(elf, sh + 4) != ShtGnuVerneed) continue;
            var needOffset = checked((int)BitConverter.ToUInt64(elf, sh + 0x18));
            var strSection = shoff + (int)BitConverter.ToUInt32(elf, sh + 0x28) * shentsize;
            var strOffset = checked((int)BitConverter.ToUInt64(elf, strSection + 0x18));
            var needCount = BitConverter.ToUInt32(elf, sh + 0x2C);
            for (uint n = 0; n < needCount; n++)
            {
                int auxCount = BitConverter.ToUInt16(elf, needOffset + 2);
                var aux = needOffset + (int)BitConverter.ToUInt32(elf, needOffset + 8);
                for (var a = 0; a < auxCount; a++)
                {
                    if (ReadCString(elf, strOffset + (int)BitConverter.ToUInt32(elf, aux + 8)) == name) return aux + 4;
                    aux += (int)BitConverter.ToUInt32(elf, aux + 12);
                }
                needOffset += (int)BitConverter.ToUInt32(elf, needOffset + 12);
            }
        }
        return -1;
    }

    private static string ReadCString(byte[] data, int start)
    {
        var end = Array.IndexOf(data, (byte)0, start);
        return Encoding.ASCII.GetString(data, start, end - start);
    }
}
