/// Whether a value the catalog model expects was published by the source (catalog schema 1.1).
///
/// Real exports leave values out (a quarter of one provincial export has no promised limit); onego keeps the
/// absence visible instead of guessing, and consumers treat such an item as "no data", never as 0.
public enum PublishedState: String, Sendable, Hashable, Codable, CaseIterable {
    /// The value is given.
    case published = "已公布"
    /// 未公布: the source prints "无", "暂无" or nothing.
    case notPublished = "未公布"
}
