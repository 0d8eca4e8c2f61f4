using System.Security.Cryptography;
using System.Text;

namespace Startpunt.Web.Features.OpenData;

/// <summary>
/// Identifiers of what Startpunt derives rather than stores (taxonomy terms from catalogue codes, an offer's address,
/// attributes, schedules ...): name-based UUIDs, version 5 (RFC 9562), so the same thing always gets the same id.
/// </summary>
public static class HsdsIds
{
    /// <summary>Startpunt's namespace for derived ids. Chosen once; changing it would change every derived id.</summary>
    public static readonly Guid Namespace = new("6d1b6a0e-2f4c-4c8e-9b1d-5a7e3c2f9a41");

    /// <summary>An id derived from a name in Startpunt's namespace, e.g. "taxonomy-term/doelgroep/autisme".</summary>
    public static Guid Of(string name) => Of(Namespace, name);

    /// <summary>An id derived from a parent's id and a name, e.g. an offer's id and "address".</summary>
    public static Guid Of(Guid parent, string name)
    {
        Span<byte> input = stackalloc byte[16];
        parent.TryWriteBytes(input, bigEndian: true, out _);
        var bytes = input.ToArray().Concat(Encoding.UTF8.GetBytes(name)).ToArray();
        var hash = SHA1.HashData(bytes);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
