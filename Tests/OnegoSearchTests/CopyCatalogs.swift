import OnegoCatalog
import OnegoSearch

/// Catalogs of copies of the sample items for the search tests that compare the ranked search with the reference
/// scan: copies that differ only in code, department and implementing body, so content groups and own-text lists
/// hold many members.
enum CopyCatalogs {
    static let departments = ["云溪区公安分局", "云溪区市场监督管理局", "云溪区人力资源和社会保障局", "云溪区税务局", "云溪区民政局"]

    /// 3,000 copies: every 7 consecutive copies share a department, 60 implementing bodies repeat; every 13th copy
    /// names its department in a material (a department word reaches a group's texts and a document's own texts at
    /// once) and every 29th has a keyword of its own (groups of one).
    static let groupedCopies: SearchIndex = {
        let templates = SampleIndex.catalog.items
        var items: [ServiceItem] = []
        for index in 0..<3_000 {
            var item = templates[index % templates.count]
            item.codes.handling = item.codes.implementation + String(200_000 + index)
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
            items.append(item)
        }
        return SearchIndex(catalog: Catalog(items: items), matters: SampleIndex.matters)
    }()

    /// 1,600 copies of the sample items: a body holds 40 consecutive copies (of many templates), so its list is
    /// shared across groups; every 17th copy names its body in a material (a body word reaches a group's texts too).
    static let sharedBodies = make(copies: 1_600) { index in "第\(index / 40 % 30 + 1)号实施机关" }

    /// 900 copies, each with a body of its own (every list has one member).
    static let ownBodies = make(copies: 900) { index in "第\(index + 1)号实施机关" }

    static func make(copies: Int, body: (Int) -> String) -> SearchIndex {
        let templates = SampleIndex.catalog.items
        var items: [ServiceItem] = []
        for index in 0..<copies {
            var item = templates[index % templates.count]
            item.codes.handling = item.codes.implementation + String(300_000 + index)
            item.department = departments[(index / 11) % departments.count]
            item.implementingBody.name = item.department + "（" + body(index) + "）"
            if index % 17 == 0, var material = item.materials.first {
                material.name = body(index) + "出具的" + material.name
                item.materials.append(material)
            }
            items.append(item)
        }
        return SearchIndex(catalog: Catalog(items: items), matters: SampleIndex.matters)
    }
}
