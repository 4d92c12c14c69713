import OnegoCatalog
import OnegoComposer

/// One searchable item or matter: what a hit shows, the facet values, and the texts to match.
struct SearchDocument: Sendable {
    /// One text of a field.
    struct FieldText: Sendable {
        var field: SearchField
        var text: String
    }

    var kind: SearchHit.Kind
    var code: String
    var name: String
    var department: String?
    /// Type label and code (`行政许可`, `01`); `一件事` for matters.
    var type: String
    var typeCode: String?
    var level: String?
    var audiences: [String]
    /// Codes matched by prefix.
    var codes: [String]
    var texts: [FieldText]

    /// An item's document: name, 俗称 and keywords (catalog schema 1.1), results, materials and departments. To
    /// search a new model field, add its texts here with a ``SearchField``.
    init(item: ServiceItem) {
        kind = .item
        code = item.id
        name = item.name
        department = item.department
        type = item.type.label
        typeCode = item.type.rawValue
        level = item.level.label
        audiences = item.serviceObjects.map(\.rawValue)
        codes = [item.id, item.codes.implementation, item.codes.basic]
        texts = [FieldText(field: .name, text: item.name)]
        let details = item.details
        texts += details.aliases.map { FieldText(field: .alias, text: $0) }
        texts += details.keywords.map { FieldText(field: .keyword, text: $0) }
        texts += item.results.map { FieldText(field: .result, text: $0.name) }
        texts += item.materials.map { FieldText(field: .material, text: $0.name) }
        texts.append(FieldText(field: .department, text: item.department))
        if item.implementingBody.name != item.department {
            texts.append(FieldText(field: .department, text: item.implementingBody.name))
        }
    }

    /// A matter's document: its name, summary and departments, and its members' names, results and materials.
    init(matter: Matter, catalog: Catalog) {
        kind = .matter
        code = matter.code
        name = matter.name
        department = matter.leadDepartment
        type = "一件事"
        typeCode = nil
        level = nil
        audiences = [matter.audience.rawValue]
        codes = [matter.code]
        texts = [FieldText(field: .name, text: matter.name)]
        if let summary = matter.summary { texts.append(FieldText(field: .summary, text: summary)) }
        for department in [matter.leadDepartment] + matter.cooperatingDepartments {
            texts.append(FieldText(field: .department, text: department))
        }
        for member in matter.members {
            guard let item = catalog.item(code: member.code) else { continue }
            texts.append(FieldText(field: .member, text: item.name))
            texts += item.results.map { FieldText(field: .result, text: $0.name) }
            texts += item.materials.map { FieldText(field: .material, text: $0.name) }
        }
    }

    /// Whether the facet values match `facets`.
    func matches(_ facets: SearchFacets) -> Bool {
        if let wanted = facets.department, department != wanted { return false }
        if let wanted = facets.type, type != wanted, typeCode != wanted { return false }
        if let wanted = facets.level, level != wanted { return false }
        if let wanted = facets.audience, !audiences.contains(wanted) { return false }
        return true
    }
}
