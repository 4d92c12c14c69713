import Foundation

/// The handbook site's record of its own pages (`.onego-manifest` in the site folder): for each page rendered from
/// one catalog item, the digest of its inputs (the item's content, onego's build, the page templates, the issue
/// date) and the page file's stamp when written. A later run over the same folder keeps a page whose inputs and
/// file are both unchanged without rendering it; a page that was edited or deleted since, or whose entry is
/// missing or unreadable, is rendered again. A damaged manifest costs a full render, never a wrong page.
public struct SiteManifest: Sendable {
    /// One page's record.
    public struct Entry: Sendable, Hashable {
        /// The digest of the page's inputs.
        public var inputs: UInt64
        /// The file as written.
        public var stamp: FileStamp
    }

    /// The file name inside the site folder.
    public static let fileName = ".onego-manifest"
    static let header = "onego-site-manifest 1"

    /// The entries by page path.
    public var entries: [String: Entry] = [:]
    /// The site folder the entries describe (for checking stamps); nil for a manifest not read from disk.
    public var folder: String?

    /// An empty manifest (nothing kept).
    public init() {}

    /// The manifest of the site folder `folder`; empty when it has none or it cannot be read.
    public init(folder: String) {
        self.folder = folder
        guard let data = FileManager.default.contents(atPath: folder + "/" + Self.fileName) else { return }
        entries = Self.parse(String(decoding: data, as: UTF8.self))
    }

    /// Whether the page at `path` may be kept: its recorded inputs are `inputs` and its file is as written.
    public func keeps(_ path: String, inputs: UInt64) -> Bool {
        guard let folder, let entry = entries[path], entry.inputs == inputs else { return false }
        return FileStamp(path: folder + "/" + path) == entry.stamp
    }

    /// The manifest's text for `pages` (path → input digest) given the written files' stamps.
    public static func text(inputs pages: [String: UInt64], stamps: [String: FileStamp]) -> String {
        var out = header + "\n"
        for (path, inputs) in pages.sorted(by: { $0.key < $1.key }) {
            guard let stamp = stamps[path], !path.contains("\n") else { continue }
            out += "\(hex(inputs)) \(stamp.size) \(stamp.modified) \(stamp.inode) \(path)\n"
        }
        return out
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The entries of a manifest's text; none when the header is not this version's. Malformed lines are skipped.
    static func parse(_ text: String) -> [String: Entry] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)[...]
        guard lines.popFirst() == Substring(header) else { return [:] }
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(lines.count)
        for line in lines {
            let fields = line.split(separator: " ", maxSplits: 4, omittingEmptySubsequences: false)
            guard fields.count == 5, let inputs = UInt64(fields[0], radix: 16), let size = Int64(fields[1]),
                let modified = Int64(fields[2]), let inode = UInt64(fields[3]), !fields[4].isEmpty
            else { continue }
            entries[String(fields[4])] = Entry(
                inputs: inputs, stamp: FileStamp(size: size, modified: modified, inode: inode))
        }
        return entries
    }
}
