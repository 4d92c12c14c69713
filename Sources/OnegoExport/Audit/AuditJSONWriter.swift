import Foundation
import OnegoAudit
import OnegoBase
import OnegoCatalog

/// The parts of ``AuditJSONReport``'s document that can refuse it (a part the encoder will not write, a number that
/// is not finite), worked out before its first byte is written: a document written as it goes never stops halfway.
struct AuditJSONParts {
    /// The depth of the compression lists' elements: the document, the `compression` object, the list (as
    /// ``PrettyJSONWriter/auditReport(_:parts:)`` nests them).
    static let rowDepth = 3

    let rows: CompressionRowsJSON
    let byDepartment: Data
    let licensing: Data
    let matters: Data
    let overall: Data
    let departments: Data
    /// The rates by ID, written by hand (``PrettyJSONWriter/rates(_:)``) unless a value is not finite: then the
    /// encoder's text (``encoded`` refuses such a value, with its own error, as the document did).
    let rates: [String: AuditJSONReport.Rate]
    var encodedRates: Data?
    let regionalVariation: Data

    /// The parts of `report`, in the order the document holds them (so the error thrown is the one that writing
    /// the document in one go would have met first).
    init(_ report: AuditReport) throws {
        let figures = report.compression
        rows = CompressionRowsJSON(rows: figures.items, slots: report.compressionRowSlots, depth: Self.rowDepth)
        byDepartment = try PrettyJSONWriter.encoded(
            figures.byDepartment.map {
                AuditJSONReport.Department(department: $0.department, compression: AuditJSONReport.Pair($0.aggregate))
            })
        licensing = try PrettyJSONWriter.encoded(AuditJSONReport.Pair(figures.licensing))
        matters = try PrettyJSONWriter.encoded(report.matters)
        overall = try PrettyJSONWriter.encoded(AuditJSONReport.Pair(figures.overall))
        departments = try PrettyJSONWriter.encoded(report.departmentSummaries)
        rates = AuditJSONReport.rates(of: report)
        if !rates.values.allSatisfy(\.isFinite) { encodedRates = try PrettyJSONWriter.encoded(rates) }
        regionalVariation = try PrettyJSONWriter.encoded(report.regionalVariation)
        if let number = rows.nonConforming ?? Self.nonConforming(report.targets) {
            throw EncodingError.invalidValue(
                number,
                EncodingError.Context(codingPath: [], debugDescription: "Unable to encode \(number) directly in JSON."))
        }
    }

    /// The first number of the targets, in the order written, that is not finite.
    static func nonConforming(_ results: [TargetResult]) -> Double? {
        for result in results {
            let numbers = [result.denominator, result.numerator, result.target.threshold, result.value ?? 0]
            if let number = numbers.lazy.map(round4).first(where: { !$0.isFinite }) { return number }
        }
        return nil
    }
}

/// The document of ``AuditJSONReport``, member by member in key order.
extension PrettyJSONWriter {
    /// The document; with `later`, its findings and targets are the bytes that writer made (on another thread).
    mutating func auditReport(_ report: AuditReport, parts: AuditJSONParts, later: AuditJSONLaterParts? = nil) {
        beginObject()
        key("compression")
        compression(report.compression, parts: parts)
        key("departments")
        embed(encoded: parts.departments)
        let written = later?.written()
        key("findings")
        if let written { value(handingOver: written.findings) } else { findings(report) }
        key("rates")
        if let encoded = parts.encodedRates { embed(encoded: encoded) } else { rates(parts.rates) }
        key("regionalVariation")
        embed(encoded: parts.regionalVariation)
        key("schemaVersion")
        int(1)  // the version of this document's shape (see README, "JSON outputs")
        key("targets")
        if let written { value(handingOver: written.targets) } else { targets(report.targets) }
        endObject()
    }

    /// The targets; `value` is null when nothing could be counted, `assessable` false when the denominator is 0.
    mutating func targets(_ results: [TargetResult]) {
        beginArray()
        for result in results {
            beginObject()
            key("assessable")
            bool(result.isAssessable)
            key("denominator")
            number(round4(result.denominator))
            key("id")
            string(result.target.id)
            key("met")
            bool(result.met)
            key("missing")
            workItems(result.missing)
            key("name")
            string(result.target.name)
            key("numerator")
            number(round4(result.numerator))
            key("target")
            number(round4(result.target.threshold))
            key("value")
            if let value = result.value { number(round4(value)) } else { null() }
            endObject()
        }
        endArray()
    }

    mutating func workItems(_ items: [WorkItem]) {
        beginArray()
        for item in items {
            beginObject()
            key("code")
            string(item.code)
            key("department")
            string(item.department)
            key("name")
            string(item.name)
            key("reason")
            string(item.reason)
            endObject()
        }
        endArray()
    }

    mutating func compression(_ figures: CompressionFigures, parts: AuditJSONParts) {
        // The rows were written once each (at the depth of the lists' elements); the four lists take them.
        let rows = parts.rows
        beginObject()
        key("byDepartment")
        embed(encoded: parts.byDepartment)
        key("excluded")
        compressionRows(rows, of: figures.items, where: \.isExcluded)
        key("immediate")
        int(figures.immediateCount)
        key("items")
        compressionRows(rows, of: figures.items, where: { _ in true })
        key("licensing")
        embed(encoded: parts.licensing)
        key("matters")
        embed(encoded: parts.matters)
        key("overall")
        embed(encoded: parts.overall)
        key("promiseNotPublished")  // promised limit 未公布: no data for the figures, listed (never counted as 0)
        compressionRows(rows, of: figures.items, where: \.isNotPublished)
        key("unreformed")
        compressionRows(rows, of: figures.items, where: \.isUnreformed)
        endObject()
    }

    /// The rows of `items` that `include` takes, from their bytes in `rendered`.
    mutating func compressionRows(
        _ rendered: CompressionRowsJSON, of items: [ItemCompression], where include: (ItemCompression) -> Bool
    ) {
        beginArray()
        for index in items.indices where include(items[index]) { value(rendered[index]) }
        endArray()
    }

    /// One compression row; `excluded`, `rate` and `statutory` only when present.
    mutating func compressionRow(_ row: ItemCompression) {
        beginObject()
        key("department")
        string(row.department)
        if let exclusion = row.exclusion {
            key("excluded")
            string(exclusion)
        }
        key("item")
        string(row.item)
        key("name")
        string(row.name)
        key("promised")
        string(row.promised?.description ?? PublishedState.notPublished.rawValue)
        if let rate = row.rate {
            key("rate")
            number(round4(rate))
        }
        if let statutory = row.statutory {
            key("statutory")
            string(statutory.description)
        }
        endObject()
    }

    /// The findings; `item`, `itemName` and `department` are null for findings about files rather than items.
    mutating func findings(_ report: AuditReport) {
        var titles: [RuleID: String] = [:]
        beginArray()
        for finding in report.findings {
            let title: String
            if let known = titles[finding.rule] {
                title = known
            } else {
                title = AuditFormatting.ruleTitle(finding.rule.rawValue, in: report)
                titles[finding.rule] = title
            }
            beginObject()
            key("column")
            int(finding.location?.column ?? 0)
            key("department")
            optional(finding.department)
            key("file")
            string(finding.location?.file ?? "")
            key("item")
            optional(finding.item)
            key("itemName")
            optional(finding.itemName)
            key("line")
            int(finding.location?.line ?? 0)
            key("message")
            string(finding.message)
            key("rule")
            string(finding.rule.rawValue)
            key("ruleTitle")
            string(title)
            key("severity")
            string(finding.severity.rawValue)
            endObject()
        }
        endArray()
    }

    mutating func optional(_ text: String?) {
        if let text { string(text) } else { null() }
    }
}

/// The findings and the targets of an audit's JSON document, written on a thread of their own as values at the
/// document's first level (``PrettyJSONWriter/init(depth:capacity:)``) while the document's earlier members are
/// written: the same bytes the document's own writer would have made in their place.
final class AuditJSONLaterParts: Sendable {
    private let done = DispatchGroup()
    private let result = Locked<(findings: [UInt8], targets: [UInt8], nonConformingNumber: Double?)?>(nil)

    /// Starts writing the findings and targets of `report`.
    init(writing report: AuditReport) {
        DispatchQueue.global().async(group: done) { [result] in
            var findings = PrettyJSONWriter(depth: 1, capacity: 4_096 + report.findings.count * 600)
            findings.findings(report)
            let workItems = report.targets.reduce(0) { $0 + $1.missing.count }
            var targets = PrettyJSONWriter(depth: 1, capacity: 4_096 + workItems * 300)
            targets.targets(report.targets)
            let nonConforming = findings.nonConformingNumber ?? targets.nonConformingNumber
            result.withLock { $0 = (findings.bytes, targets.bytes, nonConforming) }
        }
    }

    /// The bytes, once written (waits for them), and a number written that JSON cannot hold (see
    /// ``PrettyJSONWriter/nonConformingNumber``).
    func written() -> (findings: [UInt8], targets: [UInt8], nonConformingNumber: Double?) {
        done.wait()
        guard let written = result.withLock({ $0 }) else {
            preconditionFailure("the findings and targets were not written")
        }
        return written
    }
}
