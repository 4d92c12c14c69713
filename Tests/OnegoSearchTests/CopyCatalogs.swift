import OnegoCatalog
import OnegoSearch

/// Catalogs of copies of the sample items for the search tests that compare the ranked search with the reference
/// scan: copies that differ only in code, department and implementing body, so content groups and own-text lists
/// hold many members.
enum CopyCatalogs {
    static let departments = ["云溪区公安分局", "云溪区市场监督管理局", "云溪区人力资源和社会保障局", "云溪区税务局", "云溪区民政局"]

    /// 2,000 variations of the sample items (new codes, 40 implementing bodies, renamed departments every fifth
    /// item): many documents sharing texts, as in a province's catalog.
    static let generated = copies(2_000, codesFrom: 100_000) { index, item in
        item.implementingBody.name = item.department + "（第\(index % 40 + 1)号实施机关）"
        if index % 5 == 0 { item.department = "云溪区" + item.department }
    }

    /// 3,000 copies: every 7 consecutive copies share a department, 60 implementing bodies repeat; every 13th copy
    /// names its department in a material (a department word reaches a group's texts and a document's own texts at
    /// once) and every 29th has a keyword of its own (groups of one).
    static let groupedCopies = copies(3_000, codesFrom: 200_000) { index, item in
        item.department = departments[(index / 7) % departments.count]
        item.implementingBody.name = item.department + "（第\(index % 60 + 1)号实施机关）"
        if index % 13 == 0, var material = item.materials.first {
            material.name = item.department + "出具的" + material.name
            item.materials.append(material)
        }
        if index % 29 == 0 {
            var details = item.details
            details.keywords.append("专项\(index)号")
            item.details = details
        }
    }

    /// 1,600 copies of the sample items: a body holds 40 consecutive copies (of many templates), so its list is
    /// shared across groups; every 17th copy names its body in a material (a body word reaches a group's texts too).
    static let sharedBodies = bodies(1_600) { index in "第\(index / 40 % 30 + 1)号实施机关" }

    /// 900 copies, each with a body of its own (every list has one member).
    static let ownBodies = bodies(900) { index in "第\(index + 1)号实施机关" }

    /// Copies whose department changes every 11 items and whose implementing body is `body(index)`.
    static func bodies(_ count: Int, body: (Int) -> String) -> SearchIndex {
        copies(count, codesFrom: 300_000) { index, item in
            item.department = departments[(index / 11) % departments.count]
            item.implementingBody.name = item.department + "（" + body(index) + "）"
            if index % 17 == 0, var material = item.materials.first {
                material.name = body(index) + "出具的" + material.name
                item.materials.append(material)
            }
        }
    }

    /// `count` copies of the sample items in turn, copy `index` with the handling code ending in
    /// `first + index` and changed by `vary`, indexed beside the sample matters.
    static func copies(_ count: Int, codesFrom first: Int, vary: (Int, inout ServiceItem) -> Void) -> SearchIndex {
        let templates = SampleIndex.catalog.items
        var items: [ServiceItem] = []
        for index in 0..<count {
            var item = templates[index % templates.count]
            item.codes.handling = item.codes.implementation + String(first + index)
            vary(index, &item)
            items.append(item)
        }
        return SearchIndex(catalog: Catalog(items: items), matters: SampleIndex.matters)
    }
}
