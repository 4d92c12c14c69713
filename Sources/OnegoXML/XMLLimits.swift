/// Resource limits applied while parsing, so hostile or broken input fails with a clear error instead of
/// exhausting memory or time. The defaults are generous for real catalogs.
///
/// | Limit | Default | Checked |
/// |---|---|---|
/// | ``maxFileBytes`` | 16 GiB | `stat` size, and the bytes actually read (pipes) |
/// | ``maxTextBytes`` | 1 MiB per text node | as text arrives |
/// | ``maxDepth`` | 64 levels | at each start tag |
/// | ``maxAttributes`` | 256 per element | on the raw bytes, before libxml2 parses the tag |
/// | ``maxStartTagBytes`` | 256 KiB per start tag | on the raw bytes, before libxml2 parses the tag |
///
/// libxml2 2.9 adds its own (without `XML_PARSE_HUGE`): names up to 50,000 characters, attribute values and
/// comments up to 10 MB, nesting up to 256 levels. The attribute limits guard against its duplicate-attribute
/// check, which is quadratic (an element with 400,000 attributes took 48 s).
public struct XMLLimits: Sendable, Hashable {
    /// The largest file accepted, in bytes.
    public var maxFileBytes: Int64
    /// The longest text content of one element, in bytes.
    public var maxTextBytes: Int
    /// The deepest element nesting accepted.
    public var maxDepth: Int
    /// The most attributes (namespace declarations included) on one element.
    public var maxAttributes: Int
    /// The longest start tag, from `<` to `>`, in bytes.
    public var maxStartTagBytes: Int

    /// Creates limits.
    public init(
        maxFileBytes: Int64 = 16 << 30, maxTextBytes: Int = 1 << 20, maxDepth: Int = 64, maxAttributes: Int = 256,
        maxStartTagBytes: Int = 256 << 10
    ) {
        self.maxFileBytes = maxFileBytes
        self.maxTextBytes = maxTextBytes
        self.maxDepth = maxDepth
        self.maxAttributes = maxAttributes
        self.maxStartTagBytes = maxStartTagBytes
    }

    /// Generous defaults: 16 GiB per file, 1 MiB per text node, 64 levels of nesting, 256 attributes and 256 KiB
    /// per start tag.
    public static let `default` = XMLLimits()
}
