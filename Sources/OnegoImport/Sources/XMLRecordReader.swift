import Foundation
import OnegoBase
import OnegoXML

/// Reads `.xml` record files such as provincial exchange exports. A record is an element holding fields: children
/// without element children of their own, keyed by a `label` or `name` attribute
/// (`<key label="CATALOGCODE">000117004000</key>`) or by their own name (`<TASKCODE>…</TASKCODE>`), valued by their
/// text (all of it, for mixed content such as `<key label="X">甲<b>乙</b></key>`) or a `value` attribute; the record's
/// own attributes are fields too, and an empty element with attributes only (`<record TASKCODE="…" …/>`) is a
/// record of them. Nested containers inside a record (`<materials>`) are not its fields. The records are the elements
/// of one name whose fields use the most of the profile's keys (then the most numerous, then the first seen); the
/// others are reported. Parsed by onego's libxml2 parser: no DTD, no external entity, no network.
public enum XMLRecordReader {
    /// Reads `bytes` from `source`; `knownKeys` are the profile table's keys (empty: records need two fields).
    ///
    /// - Throws: ``ImportError`` when the text is not well-formed XML (naming line and column) or holds no records.
    public static func read(
        _ bytes: [UInt8], source: String, knownKeys: Set<String> = []
    ) throws(ImportError) -> SourceTable {
        let collector = RecordCollector(source: source)
        let diagnostics = XMLStreamParser(schema: nil, maxDiagnostics: 20).parse(
            bytes: bytes, name: source, into: collector)
        if let first = diagnostics.first(where: { $0.severity == .error }) {
            throw ImportError(.source, first.description)
        }
        let groups = collector.groups.map { group in
            (group: group, known: knownKeys.isEmpty ? 0 : group.keys.intersection(knownKeys).count)
        }.filter { knownKeys.isEmpty ? $0.group.records.contains { $0.cells.count >= 2 } : $0.known > 0 }
        // Most known keys, then most records; the first name seen on a tie.
        guard
            let best = groups.indices.max(by: {
                (groups[$0].known, groups[$0].group.records.count) < (groups[$1].known, groups[$1].group.records.count)
            })
        else {
            throw ImportError(
                .source,
                "\(source): XML 中没有记录（每个字段一个子元素的元素，如 <record><key label=\"TASKCODE\">…</key>…</record>）")
        }
        let chosen = groups[best].group
        var notes: [ImportDiagnostic] = []
        // Every other element holding fields is named, whether or not it uses the profile's keys.
        let others = collector.groups.filter { $0.name != chosen.name }
        if !others.isEmpty {
            let list = others.map { "<\($0.name)>（\($0.records.count) 个）" }
            notes.append(
                ImportDiagnostic(
                    source: source, severity: .note, rule: .importSourceRecords,
                    message:
                        "记录取自 <\(chosen.name)> 元素（\(chosen.records.count) 条）；另有 \(list.joined(separator: "、"))未作为记录读取"))
        }
        var headers: [String] = []
        var seen: Set<String> = []
        for record in chosen.records {
            for cell in record.cells where seen.insert(cell.key).inserted { headers.append(cell.key) }
            notes += repeatedFields(record)
        }
        return SourceTable(source: source, headers: headers, records: chosen.records, notes: notes)
    }

    /// Warnings for fields a record gives twice with different values (the first is read).
    private static func repeatedFields(_ record: SourceRecord) -> [ImportDiagnostic] {
        var values: [String: [String]] = [:]
        var order: [String] = []
        for cell in record.cells {
            if values[cell.key] == nil { order.append(cell.key) }
            values[cell.key, default: []].append(cell.value)
        }
        return order.compactMap { key in
            guard let list = values[key], Set(list).count > 1 else { return nil }
            let shown = list.map { "“\($0)”" }.joined(separator: "、")
            return ImportDiagnostic(
                source: record.source, row: record.row, column: key, severity: .warning, rule: .importValueDropped,
                message: "字段 \(key) 出现 \(list.count) 次，取值不同（\(shown)），按第一个读取")
        }
    }
}

/// Collects the elements of an XML document that hold fields, by element name, as records.
private final class RecordCollector: XMLContentHandler {
    struct Group {
        var name: String
        var records: [SourceRecord] = []
        var keys: Set<String> = []
    }

    private struct Open {
        var name: String
        var line: Int
        var column: Int
        /// The field key of this element when it is a field: its `label`, `name` or own name.
        var key: String
        /// Its `value` attribute, for a field written without text.
        var valueAttribute: String?
        /// Whether a `label` or `name` attribute names it as a field.
        var isLabelled = false
        /// Its attributes other than `label`, `name` and `value`.
        var attributes: [SourceRecord.Cell]
        var fields: [SourceRecord.Cell] = []
        var hasChildren = false
        /// Non-blank text directly inside it (mixed content when it also has children).
        var hasText = false
        /// All text inside it, in document order.
        var text: [UInt8] = []
    }

    /// The text a container keeps before it is known to hold mixed content.
    static let containerTextLimit = 1 << 16

    let source: String
    private(set) var groups: [Group] = []
    private var groupIndex: [String: Int] = [:]
    private var stack: [Open] = []

    init(source: String) { self.source = source }

    func startElement(_ name: XMLName, attributes: [XMLAttribute], context: XMLParseContext) {
        let location = context.tagLocation
        var key = name.localName
        var valueAttribute: String?
        var isLabelled = false
        var cells: [SourceRecord.Cell] = []
        for attribute in attributes {
            let value = attribute.stringValue
            switch attribute.name.localName {
            case "label", "name":
                key = value
                isLabelled = true
            case "value": valueAttribute = value
            default:
                let field = attribute.name.localName
                cells.append(SourceRecord.Cell(key: field, value: value, column: field))
            }
        }
        if let last = stack.indices.last { stack[last].hasChildren = true }
        stack.append(
            Open(
                name: name.localName, line: location.line, column: location.column, key: key,
                valueAttribute: valueAttribute, isLabelled: isLabelled, attributes: cells))
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>, context: XMLParseContext) {
        guard let last = stack.indices.last else { return }
        stack[last].text.append(contentsOf: text)
        if !stack[last].hasText, text.contains(where: { !($0 == 32 || $0 == 9 || $0 == 10 || $0 == 13) }) {
            stack[last].hasText = true
        }
    }

    func endElement(_ name: XMLName, context: XMLParseContext) {
        guard let element = stack.popLast() else { return }
        let parent = stack.indices.last
        // A container's text is kept only while it may still be a field of mixed content: bounded, so a large file's
        // root does not hold all of its text.
        if let parent, stack[parent].hasText || stack[parent].text.count < Self.containerTextLimit {
            stack[parent].text += element.text
        }
        let isField = !element.hasChildren || element.hasText
        let isAttributeRecord =
            !element.hasChildren && !element.hasText && !element.isLabelled && element.valueAttribute == nil
            && element.attributes.count >= 2
        if isField, !isAttributeRecord {
            guard let parent else { return }
            let text = String(decoding: element.text, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            let value = text.isEmpty ? element.valueAttribute ?? "" : text
            stack[parent].fields.append(SourceRecord.Cell(key: element.key, value: value, column: element.key))
            return
        }
        let cells = element.attributes + element.fields
        guard !cells.isEmpty else { return }
        let index =
            groupIndex[element.name]
            ?? {
                groups.append(Group(name: element.name))
                groupIndex[element.name] = groups.count - 1
                return groups.count - 1
            }()
        groups[index].records.append(
            SourceRecord(
                source: source, row: groups[index].records.count + 1, cells: cells, textLine: element.line,
                textColumn: element.column))
        groups[index].keys.formUnion(cells.map(\.key))
    }
}
