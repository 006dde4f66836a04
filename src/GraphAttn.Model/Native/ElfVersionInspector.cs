using System.Text;

namespace GraphAttn.Model.Native;

/// <summary>
/// Reads the version requirements (SHT_GNU_verneed) of a 64-bit little-endian ELF shared library, so diagnostics and
/// tests can show whether the build-time TorchSharp fix (build/TorchSharpNativeFix.targets) marked a version weak.
/// </summary>
public static class ElfVersionInspector
{
    private const uint ShtGnuVerneed = 0x6ffffffe;

    /// <summary>One required symbol version: its name, the library that must provide it, and whether it is weak.</summary>
    public readonly record struct VersionNeed(string Library, string Version, bool Weak);

    /// <summary>All version requirements of the ELF file at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a 64-bit little-endian ELF file.</exception>
    public static IReadOnlyList<VersionNeed> ReadNeeds(string path)
    {
        var elf = File.ReadAllBytes(path);
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != 'E' || elf[2] != 'L' || elf[3] != 'F' || elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException($"{path}: not a 64-bit little-endian ELF file");
        var shoff = checked((int)BitConverter.ToUInt64(elf, 0x28));
        int shentsize = BitConverter.ToUInt16(elf, 0x3A), shnum = BitConverter.ToUInt16(elf, 0x3C);
        var result = new List<VersionNeed>();
        for (var i = 0; i < shnum; i++)
        {
            var sh = shoff + i * shentsize;
            if (BitConverter.ToUInt32(elf, sh + 4) != ShtGnuVerneed) continue;
            var need = checked((int)BitConverter.ToUInt64(elf, sh + 0x18));
            var strtab = checked((int)BitConverter.ToUInt64(elf, shoff + (int)BitConverter.ToUInt32(elf, sh + 0x28) * shentsize + 0x18));
            for (uint n = 0, count = BitConverter.ToUInt32(elf, sh + 0x2C); n < count; n++)
            {
                var library = CString(elf, strtab + (int)BitConverter.ToUInt32(elf, need + 4));
                var aux = need + (int)BitConverter.ToUInt32(elf, need + 8);
                for (int a = 0, auxCount = BitConverter.ToUInt16(elf, need + 2); a < auxCount; a++)
                {
                    var weak = (BitConverter.ToUInt16(elf, aux + 4) & 0x2) != 0;
                    result.Add(new VersionNeed(library, CString(elf, strtab + (int)BitConverter.ToUInt32(elf, aux + 8)), weak));
                    aux += (int)BitConverter.ToUInt32(elf, aux + 12);
                }
                need += (int)BitConverter.ToUInt32(elf, need + 12);
            }
        }
        return result;
    }

    private static string CString(byte[] data, int start) =>
        Encoding.ASCII.GetString(data, start, Array.IndexOf(data, (byte)0, start) - start);
}
