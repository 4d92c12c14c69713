/// A stable 64-bit digest of a model value's content: XXH64 of its compact binary encoding (the parse cache's
/// ``CompactCodable`` form), so equal values give equal digests in every run and on every machine. Outputs built from a value (the
/// handbook site's pages) record it to tell whether that value changed since they were written.
public enum ContentDigest {
    /// The digest of an item's content, every field the cache keeps included.
    public static func of(_ item: ServiceItem) -> UInt64 {
        var writer = CompactWriter()
        item.write(to: &writer)
        return XXHash64.hash(writer.finished())
    }

    /// The digest of a text's UTF-8 bytes, continuing from `seed` (chain several parts by passing the previous
    /// digest).
    public static func of(text: String, seed: UInt64 = 0) -> UInt64 {
        var copy = text
        return copy.withUTF8 { XXHash64.hash(UnsafeRawBufferPointer($0), seed: seed) }
    }

    /// The digest of `bytes`, continuing from `seed`.
    public static func of(bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        XXHash64.hash(bytes, seed: seed)
    }
}
