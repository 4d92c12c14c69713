import Dispatch
import OnegoBase
public import OrderedCollections

/// A loaded catalog: the items of one or more files, indexed by code.
public struct Catalog: Sendable {
    /// Every item, in file order and then document order.
    public private(set) var items: [ServiceItem]
    /// The files the items came from.
    public private(set) var files: [CatalogFile]
    private var index: [String: Int]
    private var implementationIndex: [String: Int]

    /// Creates a catalog from items (tests and converters); the first item with a given code wins.
    public init(items: [ServiceItem], files: [CatalogFile] = []) {
        self.items = items
        self.files = files
        // The first item of each code: one look-up per item and index (a repeat keeps the earlier position). The two
        // indexes are independent: a large catalog builds them side by side.
        let byCode: @Sendable (Bool) -> [String: Int] = { implementation in
            var index: [String: Int] = [:]
            index.reserveCapacity(items.count)
            items.withUnsafeBufferPointer { items in
                for offset in items.indices {
                    index.insertIfAbsent(
                        offset, forKey: implementation ? items[offset].codes.implementation : items[offset].id)
                }
            }
            return index
        }
        if items.count >= Self.parallelIndexThreshold {
            let slots = WorkerSlots<[String: Int]>(count: 2)
            DispatchQueue.concurrentPerform(iterations: 2) { which in slots.store(byCode(which == 1), at: which) }
            let built = slots.values
            index = built[0] ?? byCode(false)
            implementationIndex = built[1] ?? byCode(true)
        } else {
            index = byCode(false)
            implementationIndex = byCode(true)
        }
    }

    /// The item count from which ``init(items:files:)`` builds its two indexes on two threads.
    static let parallelIndexThreshold = 20_000

    /// The item with this handling-item or implementation code.
    public func item(code: String) -> ServiceItem? {
        // An implementation code names its first handling item too.
        guard let offset = index[code] ?? implementationIndex[code] else { return nil }
        return items[offset]
    }

    /// The position in ``items`` of the first item with this handling-item code (its ``ServiceItem/id``).
    public func firstIndex(ofID id: String) -> Int? { index[id] }

    /// Whether some item has the handling-item code (``ServiceItem/id``) of an earlier one; when not, every item is
    /// the first of its code (``firstIndex(ofID:)`` gives its own position).
    public var hasRepeatedIDs: Bool { index.count < items.count }

    /// The number of distinct implementation codes; when it is ``items``' count, no two items share one.
    public var implementationCodeCount: Int { implementationIndex.count }

    /// The departments, in order of first appearance.
    public var departments: OrderedSet<String> {
        // A file lists a department's items together: a department equal to the last item's (a comparison of the
        // same shared string, mostly) needs no hash.
        var departments = OrderedSet<String>()
        var last: String?
        for item in items where item.department != last {
            departments.append(item.department)
            last = item.department
        }
        return departments
    }

    /// Total number of material lines over all items.
    public var materialCount: Int { items.reduce(0) { $0 + $1.materials.count } }

    /// The distinct material names over all items.
    public var distinctMaterialNames: Set<String> { Set(items.lazy.flatMap { $0.materials.map(\.name) }) }

    /// Results that carry an e-licence type, which bundles can pass from one member to another.
    public var bundleReadyOutputs: OrderedSet<String> {
        OrderedSet(items.lazy.flatMap { $0.results.compactMap(\.eLicence) })
    }
}

/// One file of a catalog.
public struct CatalogFile: Sendable, Hashable, Codable {
    /// The path as the user gave it.
    public var path: String
    /// The catalog's title attribute.
    public var title: String?
    /// The catalog's region attribute.
    public var region: String?
    /// How many items the file holds.
    public var itemCount: Int

    /// Creates a file record.
    public init(path: String, title: String? = nil, region: String? = nil, itemCount: Int) {
        self.path = path
        self.title = title
        self.region = region
        self.itemCount = itemCount
    }
}
