import Foundation
import OnegoBase
import OnegoCatalog

/// A parsed field value.
enum ParsedValue {
    case text(String)
    case flag(Bool)
    case number(Double)
    case limit(TimeLimitText)
    case list([String])
    case phones([PhoneNumber], published: String)
    case codes(implementation: String, handling: String?)
    case provisions([LegalProvision])
    case procedures([SpecialProcedure])
    case steps([ProcessStep])

    var text: String? {
        switch self {
        case .text(let value): value
        case .list(let values): values.joined(separator: "、")
        case .number(let value): value.rounded() == value ? String(Int(value)) : String(value)
        case .codes(let implementation, _): implementation
        default: nil
        }
    }
}

/// One record read through a profile table: typed values by target, with the diagnostics of reading them.
struct ParsedRecord {
    var record: SourceRecord
    var values: [FieldTarget: ParsedValue] = [:]
    var columns: [FieldTarget: String] = [:]
    /// Targets filled from the profile's default rather than the source.
    var defaulted: Set<FieldTarget> = []
    var diagnostics: [ImportDiagnostic] = []
    var rejection: [String] = []

    /// Reads every field of `table` from `record` (`keys`: the table's key numbers, made once per table).
    init(record: SourceRecord, table: ImportProfile.Table, profile: ImportProfile, keys: TableKeys) {
        self.record = record
        var reader = FieldReader(profile: profile, table: table, record: record, keys: keys)
        for (index, field) in table.fields.enumerated() {
            let before = reader.diagnostics.count
            guard let (raw, column) = reader.text(index) else { continue }
            if reader.diagnostics[before...].contains(where: { $0.rule == .importValueDefaulted }) {
                defaulted.insert(field.target)
            }
            let value = reader.translated(raw, field, column: column)
            if let column { columns[field.target] = column }
            if let parsed = Self.parse(value, field, column: column, reader: &reader) {
                if field.target.isUnsupported {
                    reader.report(
                        field, column, .warning, .importValueDropped,
                        "事项目录没有“\(field.target.label)”字段，值“\(Self.clip(value))”未导入")
                    continue
                }
                values[field.target] = parsed
            }
        }
        diagnostics = reader.diagnostics
        rejection = reader.rejection
    }

    static func clip(_ text: String) -> String {
        text.count > 40 ? String(text.prefix(40)) + "…" : text
    }

    /// Reports that `value` is not `what`: rejects the row for a required field, else drops the value.
    private static func fail(
        _ what: String, _ value: String, _ field: ImportProfile.Field, column: String?, reader: inout FieldReader
    ) -> ParsedValue? {
        if field.isRequired {
            reader.reject(field, column, "值“\(clip(value))”不是\(what)")
        } else {
            reader.report(field, column, .warning, .importValueDropped, "值“\(clip(value))”不是\(what)，已舍弃")
        }
        return nil
    }

    private static func parse(
        _ written: String, _ field: ImportProfile.Field, column: String?, reader: inout FieldReader
    ) -> ParsedValue? {
        var value = written
        if field.parser.readsHalfWidth, let half = ValueParser.halfWidth(written) {
            reader.report(field, column, .note, .importValueTransformed, "全角字符“\(clip(written))”按半角“\(clip(half))”读取")
            value = half
        }
        switch field.parser {
        case .text:
            // "市级、区级": several levels where the item has one; each is translated, and the assembler records
            // them as 实施层级.
            if field.target == .level {
                let pieces = ValueParser.split(value)
                if pieces.count > 1 {
                    // Only when every piece is a level ("市级（含区、县）" is one text, not two levels).
                    var probe = reader
                    let levels = pieces.map { probe.translated($0, field, column: column) }
                    if levels.allSatisfy({ Int($0).map((1...6).contains) == true }) {
                        reader = probe
                        return .list(levels)
                    }
                }
            }
            return .text(value)
        case .integer:
            return integer(value, field, column: column, reader: &reader)
        case .decimal:
            guard let number = Double(value) else { return fail("数值", value, field, column: column, reader: &reader) }
            return .number(number)
        case .timeLimit:
            return timeLimit(value, field, column: column, reader: &reader)
        case .yesNo:
            if let flag = ValueParser.yesNo(value) { return .flag(flag) }
            guard let (flag, rest) = ValueParser.leadingYesNo(value) else {
                return fail("是/否", value, field, column: column, reader: &reader)
            }
            reader.report(
                field, column, .warning, .importValueTransformed,
                "“\(clip(value))”按“\(flag ? "是" : "否")”读取，说明“\(clip(rest))”未导入")
            return .flag(flag)
        case .list:
            let items: [String]
            if let numbered = NumberedList.entries(value) {
                items = numbered
                reader.report(
                    field, column, .note, .importValueTransformed,
                    "按编号读作 \(numbered.count) 项（编号去掉，各项内的顿号、逗号不再拆分）")
            } else {
                let pieces = ValueParser.split(value)
                items = NumberedList.unnumbered(pieces) ?? pieces
                if items != pieces {
                    reader.report(
                        field, column, .warning, .importValueTransformed,
                        "编号不连续：按分隔符读作 \(items.count) 项，各项的编号去掉（请核对有无遗漏）")
                }
            }
            return .list(items.map { reader.translated($0, field, column: column) })
        case .phones:
            let (numbers, rest) = PhoneNumber.parseList(value)
            if !rest.isEmpty && !numbers.isEmpty {
                reader.report(
                    field, column, .warning, .importValueDropped, "“\(rest.joined(separator: "、"))”不是电话号码，已舍弃")
            }
            guard !numbers.isEmpty else { return fail("电话号码", value, field, column: column, reader: &reader) }
            return .phones(numbers, published: value)
        case .implementationCode:
            return implementationCode(value, field, column: column, reader: &reader)
        case .provisions:
            return .provisions(LineFormats.provisions(value))
        case .procedures:
            var result: [SpecialProcedure] = []
            for (line, procedure) in LineFormats.procedures(value) {
                if let procedure {
                    result.append(procedure)
                } else {
                    reader.report(
                        field, column, .warning, .importValueDropped, "特别程序“\(clip(line))”的种类不在代码表中，已舍弃")
                }
            }
            return .procedures(result)
        case .steps:
            return .steps(LineFormats.steps(value))
        case .region:
            let digits = Self.isDigits(value) ? value : value.filter { $0.isASCII && $0.isNumber }
            guard digits.utf8.count == 6 || digits.utf8.count == 12 else {  // ASCII digits: bytes are characters
                return fail("6 位或 12 位行政区划代码", value, field, column: column, reader: &reader)
            }
            return .text(digits)
        }
    }

    /// Whether `value` is all ASCII digits (and not empty): such a value needs no pass over its Characters.
    private static func isDigits(_ value: String) -> Bool {
        !value.isEmpty && value.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// The leading digits of `value`, or a count in Chinese numerals (a trailing unit or note is reported).
    private static func integer(
        _ value: String, _ field: ImportProfile.Field, column: String?, reader: inout FieldReader
    ) -> ParsedValue? {
        if value.utf8.count <= 18 && isDigits(value), let number = Int(value) { return .number(Double(number)) }
        let digits = value.prefix { $0.isASCII && $0.isNumber }
        let visits = field.target == .visits ? visitCount(value) : nil
        guard let number = Int(digits) ?? chineseCount(value) ?? visits else {
            return fail("整数", value, field, column: column, reader: &reader)
        }
        if digits.count != value.count {
            reader.report(field, column, .note, .importValueTransformed, "“\(clip(value))”按整数 \(number) 读取")
        }
        return .number(Double(number))
    }

    /// 到现场次数 as lists print the reform's own words: "最多跑一次", "最多1次", "最多跑1次" (at most one visit: the
    /// catalog's count is the most visits), "零跑动", "不跑动", "不见面", "无需到现场" (none); `nil` for anything
    /// else ("一般不超过2次" is no count).
    private static func visitCount(_ value: String) -> Int? {
        let compact = value.filter { !$0.isWhitespace }
        if ["零跑动", "零跑腿", "不跑动", "跑零次", "不见面", "不见面审批", "无需到现场", "无须到现场", "全程网办零跑动"].contains(compact) {
            return 0
        }
        var rest = Substring(compact)
        guard rest.hasPrefix("最多") else { return nil }
        rest = rest.dropFirst(2)
        if rest.hasPrefix("跑") { rest = rest.dropFirst() }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, rest.dropFirst(digits.count) == "次" { return Int(digits) }
        return chineseCount(String(rest))
    }

    /// A count in Chinese numerals, whole or followed only by 次 or 趟 ("零次", "一次", "两趟"); `nil` for anything
    /// else, so "一般不超过2次" is reported rather than read as 1.
    private static func chineseCount(_ value: String) -> Int? {
        let characters = Array(value)
        guard let (number, length) = ChineseNumeral.wholeNumber(characters) else { return nil }
        let rest = String(characters[length...])
        return rest.isEmpty || rest == "次" || rest == "趟" ? number : nil
    }

    /// A time limit in the unit of the field's unit column (or its default unit), reported when read differently
    /// from how it is written.
    private static func timeLimit(
        _ value: String, _ field: ImportProfile.Field, column: String?, reader: inout FieldReader
    ) -> ParsedValue? {
        var unit = field.unit.flatMap(TimeUnit.init(rawValue:)) ?? .workingDays
        if let code = field.unitKeys.compactMap({ reader.cell($0)?.value }).first(where: { !$0.isEmpty }) {
            let name = field.unitCodeList.flatMap { reader.profile.codeLists[$0]?[code] } ?? code
            if let parsed = TimeUnit(rawValue: name) {
                unit = parsed
            } else {
                reader.report(
                    field, column, .warning, .importValueDefaulted, "时限单位代码“\(code)”不认识，按\(unit.rawValue)读取")
            }
        }
        guard let parsed = TimeLimitText.parse(value, defaultUnit: unit) else {
            return fail("时限（如“30(工作日)”“即办”）", value, field, column: column, reader: &reader)
        }
        switch parsed {
        case .limit(let limit):
            if LineFormats.limit(limit) != value {
                reader.report(
                    field, column, .note, .importValueTransformed,
                    "“\(clip(value))”按 \(limit.description) 读取" + (limit.note.map { "，说明“\($0)”" } ?? ""))
            }
        case .onTheSpot:
            reader.report(field, column, .note, .importValueTransformed, "“\(value)”按即办（0个工作日）读取")
        case .absent: return nil
        }
        return .limit(parsed)
    }

    /// An implementation code without spaces, upper-cased; 33 characters split off the handling-item code.
    private static func implementationCode(
        _ value: String, _ field: ImportProfile.Field, column: String?, reader: inout FieldReader
    ) -> ParsedValue? {
        // Most codes are already digits, capitals and hyphens: taken as they are, without a pass over Characters.
        let isPlain = value.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || $0 == 0x2D }
        let code = isPlain ? value : value.filter { !$0.isWhitespace }.uppercased()
        // Provincial layouts separate their parts with hyphens (Sichuan: 基本编码-区划-000-USCC-1-00).
        guard isPlain || code.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isUppercase || $0 == "-") }),
            code.utf8.count >= 19  // ASCII from here on: bytes are characters
        else {
            return fail("实施编码", value, field, column: column, reader: &reader)
        }
        if code.utf8.count == 33 {
            let implementation = String(code.prefix(31))
            reader.report(
                field, column, .note, .importValueTransformed,
                "33 位编码拆分为实施编码 \(implementation) 与业务办理项编码 \(code)（业务办理项后缀 \(code.suffix(2))）")
            return .codes(implementation: implementation, handling: code)
        }
        return .codes(implementation: code, handling: nil)
    }
}
