import OnegoCatalog

/// The catalog files an import writes: one per department, in order of first appearance, each with its title and
/// region. Items are checked in documents with their file's own header, so the file written is made of exactly
/// the parts that were validated.
struct CatalogFilePlan: Sendable {
    /// One file: the department, its header, and the items it holds (indexes into the item list, in order).
    struct File: Sendable {
        var department: String
        var writer: CatalogWriter
        var items: [Int]
    }

    var files: [File]

    /// Groups `items` by department. A file's region is the one region all its items share, else none.
    init(_ items: [ServiceItem]) {
        var files: [File] = []
        var index: [String: Int] = [:]
        var regions: [Set<String>] = []
        for (position, item) in items.enumerated() {
            if let at = index[item.department] {
                files[at].items.append(position)
                regions[at].insert(item.region.rawValue)
            } else {
                index[item.department] = files.count
                files.append(File(department: item.department, writer: CatalogWriter(), items: [position]))
                regions.append([item.region.rawValue])
            }
        }
        for at in files.indices {
            var writer = CatalogWriter(
                title: String((files[at].department + "政务服务事项实施清单").prefix(200)),
                region: regions[at].count == 1 ? regions[at].first : nil)
            // 1.1 when an item needs it, as `CatalogWriter.document` decides (the schema accepts 1.0 items in 1.1).
            if files[at].items.contains(where: { CatalogWriter.needsSchema11(items[$0]) }) {
                writer.schemaVersion = "1.1"
            }
            files[at].writer = writer
        }
        self.files = files
    }

    /// The plan's files with only the items `kept` allows, renumbered as positions among the kept items; files
    /// left empty are dropped. Headers stay as planned (a region shared by all items is shared by fewer too).
    func keeping(_ kept: [Bool]) -> CatalogFilePlan {
        var newIndex = [Int](repeating: -1, count: kept.count)
        var next = 0
        for (position, isKept) in kept.enumerated() where isKept {
            newIndex[position] = next
            next += 1
        }
        var copy = self
        copy.files = files.compactMap { file in
            var file = file
            file.items = file.items.filter { kept[$0] }.map { newIndex[$0] }
            return file.items.isEmpty ? nil : file
        }
        return copy
    }

}
