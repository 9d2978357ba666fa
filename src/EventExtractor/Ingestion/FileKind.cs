using System.Runtime.InteropServices;

namespace EventExtractor.Ingestion;

/// <summary>
/// Tells regular files from pipes (FIFOs), devices and sockets, which .NET does not: opening a FIFO blocks until
/// someone writes to it, and a device such as /dev/zero never ends, so either would hang a run for ever.
/// </summary>
internal static partial class FileKind
{
    private const int AtCurrentFolder = -100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28; // stx_mode in struct statx, the same on every Linux architecture
    private const int TypeMask = 0xF000;
    private const int RegularFile = 0x8000;
    private const int Folder = 0x4000;

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);

    /// <summary>
    /// False when <paramref name="path"/> (symbolic links followed) exists and is neither a regular file nor a
    /// folder. True when it is one, or when this cannot be told (not Linux, or the path cannot be examined: the
    /// read that follows then reports why).
    /// </summary>
    public static bool IsRegularOrFolder(string path)
    {
        if (!OperatingSystem.IsLinux()) return true;
        try
        {
            var buffer = new byte[256];
            if (Statx(AtCurrentFolder, path, 0, StatxType, buffer) != 0) return true;
            int type = BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask;
            return type is RegularFile or Folder;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return true;
        }
    }
}
