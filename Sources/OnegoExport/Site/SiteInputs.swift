import OnegoCatalog
import OnegoComposer

/// The digests of what each page of a handbook site is made from, so a rebuild over an existing site renders only
/// the pages whose inputs changed (``SiteManifest``): each item page from its item; each list page, search shard
/// and the index from the digests of the items they show (and, for those naming matters, the matters' names,
/// codes, audiences and lead departments). Every digest starts from the site's salt (onego's build, the templates,
/// the issue date); without a salt (pages that print due dates) no page has a digest and every page is rendered.
struct SiteInputs: Sendable {
    /// The salt, or `nil` when no page may be kept.
    let salt: UInt64?
    /// The content digest of each unique item, in the site's item order (empty without a salt).
    let items: [UInt64]
    /// Each unique item's position by code (empty without a salt).
    let positions: [String: Int]
    /// The digest of the matters' names, codes, audiences, lead departments and member counts (what the index and
    /// audience pages print of them) and of the catalog's department order.
    let heads: UInt64

    /// The inputs of `site`'s pages showing `items` (its unique items); item digests are computed on all cores.
    init(site: HandbookSite, items: [ServiceItem]) {
        salt = site.pageSalt
        guard let salt else {
            (self.items, positions, heads) = ([], [:], 0)
            return
        }
        self.items = Self.digests(items)
        positions = Dictionary(items.enumerated().map { ($1.id, $0) }) { first, _ in first }
        var text = site.catalog.departments.joined(separator: "\n") + "\n"
        for entry in site.matters {
            let matter = entry.matter
            text += "\u{1}\(matter.code)\u{2}\(matter.name)\u{2}\(matter.leadDepartment)\u{2}\(matter.members.count)"
            text += matter.servedAudiences.map { "\u{2}" + $0.rawValue }.joined()
        }
        heads = ContentDigest.of(text: text, seed: salt)
    }

    /// The digest of a page at `path` made from `parts` (texts such as a title) and the items at `positions`;
    /// `nil` without a salt.
    func page(_ path: String, parts: [String] = [], items positions: some Sequence<Int>) -> UInt64? {
        guard let salt else { return nil }
        var seed = ContentDigest.of(text: path, seed: salt)
        for part in parts { seed = ContentDigest.of(text: "\u{1}" + part, seed: seed) }
        return Self.combine(positions.map { items[$0] }, seed: seed)
    }

    /// The digest of a page at `path` made from `parts` and `members` (items of the site).
    func page(_ path: String, parts: [String] = [], members: [ServiceItem]) -> UInt64? {
        guard salt != nil else { return nil }
        return page(path, parts: parts, items: members.map { positions[$0.id] ?? 0 })
    }

    /// The digest of the index page: the title, every item, the matters' heads and the withheld items.
    func index(of site: HandbookSite) -> UInt64? {
        let withheld = site.withheld.map { item in
            ([item.name, item.code, item.department] + item.problems).joined(separator: "\u{2}")
        }
        return page("index.html", parts: [site.title, String(heads, radix: 16)] + withheld, items: items.indices)
    }

    /// The digest of an item's pages (its content, not where in the files it stands), as in ``HandbookSite``.
    static func digests(_ items: [ServiceItem]) -> [UInt64] {
        let chunk = 256
        let chunks = (items.count + chunk - 1) / chunk
        let slots = DigestSlots(count: items.count)
        ParallelWork.perform(iterations: chunks) { number in
            for index in (number * chunk)..<min(items.count, (number + 1) * chunk) {
                slots.store(HandbookSite.contentDigest(items[index]), at: index)
            }
        }
        return slots.values
    }

    /// XXH64 of `values`' little-endian bytes, from `seed`.
    static func combine(_ values: [UInt64], seed: UInt64) -> UInt64 {
        let bytes = values.map(\.littleEndian)
        return bytes.withUnsafeBytes { ContentDigest.of(bytes: $0, seed: seed) }
    }
}

/// Item digests filled from several threads, each index by one thread only, read after all of them finished.
private final class DigestSlots: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<UInt64>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: 0)
    }

    deinit { slots.deallocate() }

    func store(_ value: UInt64, at index: Int) { slots[index] = value }

    var values: [UInt64] { Array(slots) }
}

extension SiteManifest {
    /// The page at `path`: kept without rendering when `inputs` is its digest and the manifest says the existing
    /// site's file is current, else rendered by `render`.
    func page(_ path: String, inputs: UInt64?, render: () -> String) -> HandbookSite.Page {
        if let inputs, keeps(path, inputs: inputs) {
            return HandbookSite.Page(path: path, text: "", inputs: inputs, isKept: true)
        }
        return HandbookSite.Page(path: path, text: render(), inputs: inputs)
    }
}
