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

/// Why an item's 办理地点 or 办理时间 is absent (catalog schema 1.1).
///
/// A provincial export leaves both empty for online-only items (824 of about 2,300 Guangdong items); onego keeps
/// the reason instead of inventing a place, prints it in guides and lists such items in the audit as "no data".
public enum VenueState: String, Sendable, Hashable, Codable, CaseIterable {
    /// 无线下窗口: the item is handled online only; there is no counter to go to.
    case noWindow = "无线下窗口"
    /// 未公布: the source does not publish the value.
    case notPublished = "未公布"
}
