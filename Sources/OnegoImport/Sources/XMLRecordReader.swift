import Foundation
import OnegoBase
import OnegoXML

/// Reads `.xml` record files such as provincial exchange exports, whose records hold one child per field keyed by a
/// `label` or `name` attribute (`<key label="CATALOGCODE">000117004000</key>`) or by the child's own name
/// (`<TASKCODE>…</TASKCODE>`); a child without text takes its `value` attribute, and a record's own attributes are
/// fields too. The records are the elements of one name all of whose children are fields (text only), two fields or
/// more: the name with the most such elements, the others reported. Parsed by onego's libxml2 parser: no DTD, no external entity, no
/// network.
public enum XMLRecordReader {
    /// Reads `bytes` from `source`.
    ///
    /// - Throws: ``ImportError`` when the text is not well-formed XML (naming line and column) or holds no records.
    public static func read(_ bytes: [UInt8], source: String) throws(ImportError) -> SourceTable {
        let collector = RecordCollector(source: source)
        let diagnostics = XMLStreamParser(schema: nil, maxDiagnostics: 20).parse(
            bytes: bytes, name: source, into: collector)
        if let first = diagnostics.first(where: { $0.severity == .error }) {
            throw ImportError(.source, first.description)
        }
        let groups = collector.groups.filter { !$0.records.isEmpty }
        // The most records; the first name seen on a tie.
        guard let best = groups.indices.max(by: { groups[$0].records.count < groups[$1].records.count }) else {
            throw ImportError(
                .source, "\(source): XML 中没有记录（每个字段一个子元素的元素，如 <record><key label=\"TASKCODE\">…</key>…</record>）")
        }
        let records = groups[best].records
        var notes: [ImportDiagnostic] = []
        let others = groups.indices.filter { $0 != best }
        if !others.isEmpty {
            let list = others.map { "<\(groups[$0].name)>（\(groups[$0].records.count) 个）" }.joined(separator: "、")
            notes.append(
                ImportDiagnostic(
                    source: source, severity: .note, rule: .importSourceRecords,
                    message: "记录取自 <\(groups[best].name)> 元素（\(records.count) 条）；另有 \(list)未作为记录读取"))
        }
        var headers: [String] = []
        var seen: Set<String> = []
        for record in records {
            for cell in record.cells where seen.insert(cell.key).inserted { headers.append(cell.key) }
        }
        return SourceTable(source: source, headers: headers, records: records, notes: notes)
    }
}

/// Collects the flat elements of an XML document by name, as records.
private final class RecordCollector: XMLContentHandler {
    struct Group {
        var name: String
        var records: [SourceRecord] = []
    }

    private struct Open {
        var name: String
        var line: Int
        var column: Int
        /// The field key of this element when it is a field: its `label`, `name` or own name.
        var key: String
        /// Its `value` attribute, for a field written without text.
        var valueAttribute: String?
        var attributes: [SourceRecord.Cell]
        var fields: [SourceRecord.Cell] = []
        var hasChildren = false
        var hasGrandchildren = false
        var text: [UInt8] = []
    }

    let source: String
    private(set) var groups: [Group] = []
    private var groupIndex: [String: Int] = [:]
    private var stack: [Open] = []

    init(source: String) { self.source = source }

    func startElement(_ name: XMLName, attributes: [XMLAttribute], context: XMLParseContext) {
        let location = context.tagLocation
        var key = name.localName
        var valueAttribute: String?
        var cells: [SourceRecord.Cell] = []
        for attribute in attributes {
            let value = attribute.stringValue
            switch attribute.name.localName {
            case "label", "name": key = value
            case "value": valueAttribute = value
            default: break
            }
            cells.append(
                SourceRecord.Cell(key: attribute.name.localName, value: value, column: attribute.name.localName))
        }
        if let last = stack.indices.last {
            stack[last].hasChildren = true
            if last > 0 { stack[last - 1].hasGrandchildren = true }
        }
        stack.append(
            Open(
                name: name.localName, line: location.line, column: location.column, key: key,
                valueAttribute: valueAttribute, attributes: cells))
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>, context: XMLParseContext) {
        guard let last = stack.indices.last, !stack[last].hasChildren else { return }
        stack[last].text.append(contentsOf: text)
    }

    func endElement(_ name: XMLName, context: XMLParseContext) {
        guard let element = stack.popLast() else { return }
        if !element.hasChildren {
            guard let parent = stack.indices.last else { return }
            let text = String(decoding: element.text, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            let value = text.isEmpty ? element.valueAttribute ?? "" : text
            stack[parent].fields.append(SourceRecord.Cell(key: element.key, value: value, column: element.key))
        } else if !element.hasGrandchildren, element.attributes.count + element.fields.count >= 2 {
            let index =
                groupIndex[element.name]
                ?? {
                    groups.append(Group(name: element.name))
                    groupIndex[element.name] = groups.count - 1
                    return groups.count - 1
                }()
            let record = SourceRecord(
                source: source, row: groups[index].records.count + 1, cells: element.attributes + element.fields,
                textLine: element.line, textColumn: element.column)
            groups[index].records.append(record)
        }
    }
}
