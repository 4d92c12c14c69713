/// A stable 64-bit digest of a model value's content: XXH64 of its compact binary encoding (the catalog cache's
/// form), so equal values give equal digests in every run and on every machine. Outputs built from a value (the
/// handbook site's pages) record it to tell whether that value changed since they were written.
public enum ContentDigest {
    /// The digest of `value`; nil when the value cannot be encoded (the caller then treats it as changed).
    public static func of(_ value: some Encodable) -> UInt64? {
        guard let bytes = try? BinaryModelEncoder.encode(value) else { return nil }
        return XXHash64.hash(bytes)
    }

    /// The digest of a text's UTF-8 bytes, continuing from `seed` (chain several parts by passing the previous
    /// digest).
    public static func of(text: String, seed: UInt64 = 0) -> UInt64 {
        var copy = text
        return copy.withUTF8 { XXHash64.hash(UnsafeRawBufferPointer($0), seed: seed) }
    }
}
