import OnegoBase
import OnegoCatalog

/// What the audit keeps of one catalog file so that, unchanged, the file need not be decoded: the compression rows
/// of its handling units and, for each item-rate target of the policy, the file's work items (kept for every such
/// target, met or not: whether a target is met depends on the whole catalog).
struct FileSummary: Equatable {
    /// The file's compression rows, in unit order.
    var rows: [ItemCompression]
    /// Per item-rate target of the policy (``FindingCache/rateTargets(of:)``, in order), the file's work items.
    var workLists: [[WorkItem]]
}

/// The byte form of ``FileSummary`` that ``FindingCache`` stores (kind `summary`): a table of the distinct strings,
/// then the rows (code, name, department, whether licensing, the two limits, the rate, the exclusion and the two day
/// counts) and the work lists (code, name, department, reason). Strings are numbers in the table (0: none), counts
/// LEB128 varints, doubles their 8 bytes little-endian.
enum SummaryRecords {
    /// The bytes of `summary`.
    static func encode(_ summary: FileSummary) -> [UInt8] {
        var table: [String: Int] = [:]
        var strings: [String] = []
        var body: [UInt8] = []
        func text(_ value: String?) {
            guard let value else { return body.appendVarint(0) }
            if let known = table[value] { return body.appendVarint(known) }
            strings.append(value)
            table[value] = strings.count
            body.appendVarint(strings.count)
        }
        func number(_ value: Double) { body.appendUInt64(value.bitPattern) }
        func limit(_ value: TimeLimit?) {
            guard let value else { return body.append(0) }
            body.append(1)
            number(value.value)
            text(value.unit.rawValue)
            text(value.note)
        }
        body.appendVarint(summary.rows.count)
        for row in summary.rows {
            text(row.item)
            text(row.name)
            text(row.department)
            body.append(row.isLicensing ? 1 : 0)
            limit(row.statutory)
            limit(row.promised)
            if let rate = row.rate {
                body.append(1)
                number(rate)
            } else {
                body.append(0)
            }
            text(row.exclusion)
            number(row.statutoryDays)
            number(row.promisedDays)
        }
        body.appendVarint(summary.workLists.count)
        for list in summary.workLists {
            body.appendVarint(list.count)
            for item in list {
                text(item.code)
                text(item.name)
                text(item.department)
                text(item.reason)
            }
        }
        var bytes: [UInt8] = []
        bytes.appendVarint(strings.count)
        for value in strings { bytes.appendString(value) }
        return bytes + body
    }

    /// The summary in `bytes` with `listCount` work lists; `nil` when the bytes do not hold exactly that.
    static func decode(_ bytes: ArraySlice<UInt8>, listCount: Int) -> FileSummary? {
        bytes.withUnsafeBufferPointer { buffer -> FileSummary? in
            var reader = VarintReader(buffer)
            guard let stringCount = reader.next(), stringCount <= buffer.count else { return nil }
            var strings: [String?] = [nil]
            strings.reserveCapacity(stringCount + 1)
            for _ in 0..<stringCount {
                guard let value = reader.string() else { return nil }
                strings.append(value)
            }
            func text() -> String?? {
                guard let index = reader.next(), index < strings.count else { return nil }
                return .some(strings[index])
            }
            func required() -> String? { text() ?? nil }
            func byte() -> UInt8? {
                guard reader.offset < buffer.count else { return nil }
                defer { reader.offset += 1 }
                return buffer[reader.offset]
            }
            func number() -> Double? {
                guard buffer.count - reader.offset >= 8 else { return nil }
                var bits: UInt64 = 0
                for shift in 0..<8 { bits |= UInt64(buffer[reader.offset + shift]) << (8 * UInt64(shift)) }
                reader.offset += 8
                return Double(bitPattern: bits)
            }
            /// `.some(nil)` for no limit, `nil` for damaged bytes.
            func limit() -> TimeLimit?? {
                switch byte() {
                case 0: return .some(nil)
                case 1:
                    guard let value = number(), let unitText = required(), let unit = TimeUnit(rawValue: unitText),
                        let note = text()
                    else { return nil }
                    return .some(TimeLimit(value, unit, note: note))
                default: return nil
                }
            }
            guard let rowCount = reader.next(), rowCount <= buffer.count else { return nil }
            var rows: [ItemCompression] = []
            rows.reserveCapacity(rowCount)
            for _ in 0..<rowCount {
                guard let item = required(), let name = required(), let department = required(),
                    let licensing = byte(), licensing <= 1, let statutory = limit(), let promised = limit(),
                    let hasRate = byte(), hasRate <= 1
                else { return nil }
                var rate: Double?
                if hasRate == 1 {
                    guard let value = number() else { return nil }
                    rate = value
                }
                guard let exclusion = text(), let statutoryDays = number(), let promisedDays = number() else {
                    return nil
                }
                rows.append(
                    ItemCompression(
                        item: item, name: name, department: department, isLicensing: licensing == 1,
                        statutory: statutory, promised: promised, rate: rate, exclusion: exclusion,
                        statutoryDays: statutoryDays, promisedDays: promisedDays))
            }
            guard reader.next() == listCount else { return nil }
            var lists: [[WorkItem]] = []
            for _ in 0..<listCount {
                guard let count = reader.next(), count <= buffer.count else { return nil }
                var list: [WorkItem] = []
                list.reserveCapacity(count)
                for _ in 0..<count {
                    guard let code = required(), let name = required(), let department = required(),
                        let reason = required()
                    else { return nil }
                    list.append(WorkItem(code: code, name: name, department: department, reason: reason))
                }
                lists.append(list)
            }
            return reader.isAtEnd ? FileSummary(rows: rows, workLists: lists) : nil
        }
    }
}

extension [UInt8] {
    /// Appends `value` as 8 bytes, little-endian.
    fileprivate mutating func appendUInt64(_ value: UInt64) {
        for shift in 0..<8 { append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(shift)))) }
    }
}
