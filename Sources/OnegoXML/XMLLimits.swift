/// Resource limits applied while parsing, so hostile or broken input fails with a clear error instead of
/// exhausting memory. The defaults are generous for real catalogs.
public struct XMLLimits: Sendable, Hashable {
    /// The largest file accepted, in bytes.
    public var maxFileBytes: Int64
    /// The longest text content of one element, in bytes.
    public var maxTextBytes: Int
    /// The deepest element nesting accepted.
    public var maxDepth: Int

    /// Creates limits.
    public init(maxFileBytes: Int64 = 16 << 30, maxTextBytes: Int = 1 << 20, maxDepth: Int = 64) {
        self.maxFileBytes = maxFileBytes
        self.maxTextBytes = maxTextBytes
        self.maxDepth = maxDepth
    }

    /// Generous defaults: 16 GiB per file, 1 MiB per text node, 64 levels of nesting.
    public static let `default` = XMLLimits()
}
