using System.Globalization;

namespace Startpunt.Bench;

/// <summary>Resident memory from /proc: the peak (VmHWM) of a process, and resetting this process's peak between phases.</summary>
public static class Memory
{
    /// <summary>VmHWM of the process in MB (null when /proc is not there).</summary>
    public static double? PeakMb(int? pid = null) => Read(pid, "VmHWM:");

    public static double? CurrentMb(int? pid = null) => Read(pid, "VmRSS:");

    /// <summary>Resets the peak to the current RSS ("5" into clear_refs, Linux 4.0+), so that each phase has its own peak.</summary>
    public static bool ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static double? Read(int? pid, string field)
    {
        var path = $"/proc/{(pid is { } p ? p.ToString(CultureInfo.InvariantCulture) : "self")}/status";
        if (!File.Exists(path)) return null;
        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        if (line is null) return null;
        var kb = double.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return kb / 1024;
    }
}
