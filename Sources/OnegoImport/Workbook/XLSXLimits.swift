/// Safety limits for reading sources: a zip entry can claim any size, and a small file can inflate a
/// thousandfold (a zip bomb), so inflated bytes are counted as they arrive; and no source file (of any format) is
/// read past ``maxSourceBytes``.
public struct XLSXLimits: Sendable, Hashable {
    /// The largest source file read, in bytes (its size on disk, and the bytes actually read from a pipe).
    public var maxSourceBytes: Int
    /// The most bytes one entry may inflate to.
    public var maxEntryBytes: Int
    /// The most bytes all entries read may inflate to together.
    public var maxTotalBytes: Int
    /// The largest inflated/compressed ratio accepted for entries larger than ``ratioFloorBytes``.
    public var maxRatio: Int
    /// Entries smaller than this are exempt from the ratio check (tiny XML parts compress very well).
    public var ratioFloorBytes: Int

    /// Creates limits.
    public init(
        maxEntryBytes: Int = 1 << 30, maxTotalBytes: Int = 2 << 30, maxRatio: Int = 200, ratioFloorBytes: Int = 1 << 20,
        maxSourceBytes: Int = 512 << 20
    ) {
        self.maxSourceBytes = maxSourceBytes
        self.maxEntryBytes = maxEntryBytes
        self.maxTotalBytes = maxTotalBytes
        self.maxRatio = maxRatio
        self.ratioFloorBytes = ratioFloorBytes
    }

    /// The defaults: 1 GiB per entry, 2 GiB in all, ratio 200 above 1 MiB, sources up to 512 MiB.
    public static let `default` = XLSXLimits()
}
