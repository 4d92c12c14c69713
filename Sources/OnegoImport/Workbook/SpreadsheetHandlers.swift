import OnegoBase
import OnegoXML

/// Collects the sheets of `xl/workbook.xml` and the targets of its relationships.
final class WorkbookPartsHandler: XMLContentHandler {
    var sheets: [(name: String, relationship: String)] = []
    var targets: [String: String] = [:]
    /// Sheets hidden in Excel (`state="hidden"` or `"veryHidden"`).
    var hidden: Set<String> = []

    func startElement(_ name: XMLName, attributes: [XMLAttribute], context: XMLParseContext) {
        switch name.localName {
        case "sheet":
            let sheetName = attributes.first { $0.name.localName == "name" }?.stringValue ?? ""
            let id = attributes.first { $0.name.localName == "id" && !$0.name.namespaceURI.isEmpty }?.stringValue ?? ""
            sheets.append((sheetName, id))
            if let state = attributes.first(where: { $0.name.localName == "state" })?.stringValue, state != "visible" {
                hidden.insert(sheetName)
            }
        case "Relationship":
            if let id = attributes.first(where: { $0.name.localName == "Id" })?.stringValue,
                let target = attributes.first(where: { $0.name.localName == "Target" })?.stringValue
            {
                targets[id] = target
            }
        default: break
        }
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>, context: XMLParseContext) {}
    func endElement(_ name: XMLName, context: XMLParseContext) {}
}

/// Collects the shared strings (`<si>`, plain or rich text; phonetic runs skipped).
final class SharedStringsHandler: XMLContentHandler {
    var strings: [String] = []
    private var current: [UInt8] = []
    private var inText = false
    private var phoneticDepth = 0

    func startElement(_ name: XMLName, attributes: [XMLAttribute], context: XMLParseContext) {
        switch name.localName {
        case "si": current.removeAll(keepingCapacity: true)
        case "t": inText = phoneticDepth == 0
        case "rPh": phoneticDepth += 1
        default: break
        }
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>, context: XMLParseContext) {
        if inText { current.append(contentsOf: text) }
    }

    func endElement(_ name: XMLName, context: XMLParseContext) {
        switch name.localName {
        case "si": strings.append(String(decoding: current, as: UTF8.self))
        case "t": inText = false
        case "rPh": phoneticDepth -= 1
        default: break
        }
    }
}

/// Finds which cell styles (`cellXfs` indexes) show numbers as dates.
final class StylesHandler: XMLContentHandler {
    var dateStyles: Set<Int> = []
    private var customDateFormats: Set<Int> = []
    private var inCellXfs = false
    private var xfIndex = 0

    func startElement(_ name: XMLName, attributes: [XMLAttribute], context: XMLParseContext) {
        switch name.localName {
        case "numFmt":
            let id = attributes.first { $0.name.localName == "numFmtId" }.flatMap { Int($0.stringValue) }
            let code = attributes.first { $0.name.localName == "formatCode" }?.stringValue.lowercased() ?? ""
            // Strip quoted literals and colour/locale brackets before looking for date letters.
            var bare = ""
            var quoted = false
            var bracket = false
            for character in code {
                if character == "\"" {
                    quoted.toggle()
                } else if character == "[" {
                    bracket = true
                } else if character == "]" {
                    bracket = false
                } else if !quoted && !bracket {
                    bare.append(character)
                }
            }
            if let id, bare.contains("y") || bare.contains("d") || (bare.contains("m") && !bare.contains("0")) {
                customDateFormats.insert(id)
            }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs:
            let id = attributes.first { $0.name.localName == "numFmtId" }.flatMap { Int($0.stringValue) } ?? 0
            if (14...22).contains(id) || (45...47).contains(id) || (27...36).contains(id) || (50...58).contains(id)
                || customDateFormats.contains(id)
            {
                dateStyles.insert(xfIndex)
            }
            xfIndex += 1
        default: break
        }
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>, context: XMLParseContext) {}

    func endElement(_ name: XMLName, context: XMLParseContext) {
        if name.localName == "cellXfs" { inCellXfs = false }
    }
}

/// One cell of a worksheet as read.
struct SheetCell {
    var value: String
    var note: String?
}

/// The non-empty cells of one worksheet row, by column number.
struct SheetRow {
    var row: Int
    var cells: [(column: Int, cell: SheetCell)]
}

/// Streams a worksheet's cells and merged ranges. Rows are kept compactly as they end (no sheet-sized
/// dictionary); ``finishedRows()`` hands them over in row order. Element and attribute names are told apart by the
/// parser's interned name ids (resolved once per name), attribute values read from the parser's bytes.
final class WorksheetHandler: XMLNameIDContentHandler {
    private var rows: [SheetRow] = []
    private var current = SheetRow(row: 0, cells: [])
    var merges: [(from: CellReference, to: CellReference)] = []
    var problems: [String] = []
    let sharedStrings: [String]
    let dateStyles: Set<Int>
    /// When set, each row goes here as it ends, its cells in column order, instead of being kept; returning false
    /// stops the parse. Rows must then come in order and no range may be merged: otherwise ``needsWholeSheet`` is
    /// set and the parse stops.
    var rowSink: ((SheetRow) -> Bool)?
    /// Set when a streamed sheet has rows out of order or merged ranges (it must be read whole).
    private(set) var needsWholeSheet = false
    private var lastStreamedRow = 0

    private var reference: CellReference?
    private var type = "n"
    private var style = 0
    private var value: [UInt8] = []
    private var formula: [UInt8] = []
    private var hasFormula = false
    private var capture: Capture = .none
    private var nextRow = 1
    private var nextColumn = 1
    /// The meaning of each name id seen so far as an element and as an attribute (`.unresolved` until first seen;
    /// `t` and `r` are both, one id each).
    private var elementNames: [Name] = []
    private var attributeNames: [Name] = []

    private enum Capture { case none, value, formula, inline }

    /// The element and attribute names the handler reads (an attribute `r` and element `row` differ by id).
    private enum Name: UInt8 {
        case unresolved, other, row, c, v, f, t, rPh, mergeCell
        case attributeR, attributeT, attributeS, attributeRef
    }

    init(sharedStrings: [String], dateStyles: Set<Int>) {
        self.sharedStrings = sharedStrings
        self.dateStyles = dateStyles
    }

    private func element(_ id: Int, _ context: XMLParseContext) -> Name {
        if id < elementNames.count, elementNames[id] != .unresolved { return elementNames[id] }
        let resolved: Name =
            switch context.name(id: id).localName {
            case "row": .row
            case "c": .c
            case "v": .v
            case "f": .f
            case "t": .t
            case "rPh": .rPh
            case "mergeCell": .mergeCell
            default: .other
            }
        Self.remember(id, resolved, in: &elementNames)
        return resolved
    }

    private func attribute(_ id: Int, _ context: XMLParseContext) -> Name {
        if id < attributeNames.count, attributeNames[id] != .unresolved { return attributeNames[id] }
        let name = context.name(id: id)
        let resolved: Name =
            if !name.namespaceURI.isEmpty {
                .other
            } else {
                switch name.localName {
                case "r": .attributeR
                case "t": .attributeT
                case "s": .attributeS
                case "ref": .attributeRef
                default: .other
                }
            }
        Self.remember(id, resolved, in: &attributeNames)
        return resolved
    }

    private static func remember(_ id: Int, _ name: Name, in names: inout [Name]) {
        if names.count <= id { names += [Name](repeating: .unresolved, count: id + 1 - names.count) }
        names[id] = name
    }

    /// A non-negative decimal number in attribute bytes.
    private static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var result = 0
        for byte in bytes {
            guard byte >= 48 && byte <= 57 else { return nil }
            result = result * 10 + Int(byte - 48)
        }
        return result
    }

    func startElement(nameID: Int, attributes: XMLAttributeList, depth: Int, context: XMLParseContext) {
        switch element(nameID, context) {
        case .row:
            for entry in attributes.entries where attribute(entry.nameID, context) == .attributeR {
                if let r = Self.integer(entry.value) { nextRow = r }
            }
            nextColumn = 1
        case .c:
            var r: CellReference?
            type = "n"
            style = 0
            for entry in attributes.entries {
                switch attribute(entry.nameID, context) {
                case .attributeR: r = CellReference(utf8: entry.value)
                case .attributeT: type = String(decoding: entry.value, as: UTF8.self)
                case .attributeS: style = Self.integer(entry.value) ?? 0
                default: break
                }
            }
            reference = r ?? CellReference(column: nextColumn, row: nextRow)
            value.removeAll(keepingCapacity: true)
            formula.removeAll(keepingCapacity: true)
            hasFormula = false
        case .v: capture = .value
        case .f:
            capture = .formula
            hasFormula = true
        case .t where reference != nil: capture = .inline
        case .rPh: capture = .none
        case .mergeCell where rowSink != nil:
            needsWholeSheet = true
            context.abort(Self.stopped)
        case .mergeCell:
            for entry in attributes.entries where attribute(entry.nameID, context) == .attributeRef {
                let parts = String(decoding: entry.value, as: UTF8.self).split(separator: ":").map(String.init)
                if parts.count == 2, let from = CellReference(parts[0]), let to = CellReference(parts[1]) {
                    merges.append((from, to))
                }
            }
        default: break
        }
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>, context: XMLParseContext) {
        switch capture {
        case .value, .inline: value.append(contentsOf: text)
        case .formula: formula.append(contentsOf: text)
        case .none: break
        }
    }

    func endElement(nameID: Int, depth: Int, context: XMLParseContext) {
        switch element(nameID, context) {
        case .v, .f, .t: capture = .none
        case .row:
            flushRow(context)
            nextRow += 1
        case .c:
            guard let reference else { return }
            store(reference, context)
            self.reference = nil
            nextColumn = reference.column + 1
        default: break
        }
    }

    private func store(_ reference: CellReference, _ context: XMLParseContext) {
        let raw = String(decoding: value, as: UTF8.self)
        var note: String?
        var text: String
        switch type {
        case "s":
            guard let index = Int(raw), sharedStrings.indices.contains(index) else {
                problems.append("单元格 \(reference.text) 引用了不存在的共享字符串 \(raw)")
                return
            }
            text = sharedStrings[index]
        case "b": text = raw == "1" ? "是" : "否"
        case "e":
            text = ""
            note = "单元格为错误值 \(raw)，按空值处理"
        case "str", "inlineStr": text = raw
        default:
            text = raw
            if dateStyles.contains(style), let serial = Double(raw) {
                text = Self.date(fromSerial: serial)
                note = "日期序列值 \(raw) 按日期 \(text) 读取"
            } else if let number = Double(raw), number.rounded() == number, abs(number) < 1e15 {
                text = String(Int(number))
            }
        }
        if hasFormula {
            let formulaText = String(decoding: formula, as: UTF8.self)
            let cached = value.isEmpty ? "（无缓存值）" : "缓存值“\(text)”"
            note = [note, "公式 =\(formulaText)，取\(cached)"].compactMap { $0 }.joined(separator: "；")
        }
        if text.isEmpty && note == nil { return }
        if reference.row != current.row { flushRow(context) }
        current.row = reference.row
        current.cells.append((reference.column, SheetCell(value: text, note: note)))
    }

    private static let stopped = Diagnostic(.note, rule: .importXLSXStreamStopped, message: "逐行读取已停止")

    private func flushRow(_ context: XMLParseContext?) {
        guard !current.cells.isEmpty else { return }
        guard let rowSink else {
            rows.append(current)
            current.cells = []
            return
        }
        var row = current
        current.cells = []
        guard row.row > lastStreamedRow, !needsWholeSheet else {
            needsWholeSheet = true
            context?.abort(Self.stopped)
            return
        }
        lastStreamedRow = row.row
        row.cells = Self.ordered(row.cells)
        if !rowSink(row) { context?.abort(Self.stopped) }
    }

    /// The rows read, in row order, each with its cells in column order (a later duplicate cell wins).
    func finishedRows() -> [SheetRow] {
        flushRow(nil)
        var out = rows
        rows = []
        if !out.indices.dropFirst().allSatisfy({ out[$0 - 1].row < out[$0].row }) {
            // Out-of-order or repeated rows (hand-edited files): join them by row number.
            var joined: [Int: [(column: Int, cell: SheetCell)]] = [:]
            for row in out { joined[row.row, default: []] += row.cells }
            out = joined.keys.sorted().map { SheetRow(row: $0, cells: joined[$0] ?? []) }
        }
        for index in out.indices { out[index].cells = Self.ordered(out[index].cells) }
        return out
    }

    /// Cells in column order, the last of several in one column kept.
    static func ordered(_ cells: [(column: Int, cell: SheetCell)]) -> [(column: Int, cell: SheetCell)] {
        if cells.indices.dropFirst().allSatisfy({ cells[$0 - 1].column < cells[$0].column }) { return cells }
        var byColumn: [Int: SheetCell] = [:]
        for (column, cell) in cells { byColumn[column] = cell }
        return byColumn.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The ISO date (and time, when not midnight) of an Excel 1900-system serial.
    static func date(fromSerial serial: Double) -> String {
        // Serial 60 is the fictitious 1900-02-29; from 61 on, day 0 is 1899-12-30.
        let whole = Int(serial.rounded(.down))
        let unixDays = whole >= 61 ? whole - 25_569 : whole - 25_568
        let (y, m, d) = civil(fromDays: unixDays)
        var text = String(format4(y)) + "-" + pad(m) + "-" + pad(d)
        let seconds = Int(((serial - serial.rounded(.down)) * 86_400).rounded())
        if seconds > 0 && seconds < 86_400 {
            text += " " + pad(seconds / 3600) + ":" + pad(seconds / 60 % 60)
            if seconds % 60 != 0 { text += ":" + pad(seconds % 60) }
        }
        return text
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
    private static func format4(_ n: Int) -> String {
        String(repeating: "0", count: max(0, 4 - String(n).count)) + String(n)
    }

    /// Howard Hinnant's days-from-civil inverse: days since 1970-01-01 to (year, month, day).
    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }
}
