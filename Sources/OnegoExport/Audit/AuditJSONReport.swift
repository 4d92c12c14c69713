import Foundation
public import OnegoAudit
import OnegoBase
import OnegoCatalog

/// The JSON form of an audit:
/// `{"targets": [{"id","name","value","target","met","assessable","numerator","denominator","missing": [{"code","name",
/// "department","reason"}]}], "rates": {...}, "compression": {...}, "findings": [{"rule","ruleTitle","severity",
/// "item","itemName","department","file","line","column","message"}], "departments": [{"department","errors",
/// "warnings","notes","workItems"}]}` (departments worst first).
public enum AuditJSONReport {
    /// Renders the report as pretty, key-sorted JSON (the layout of `JSONEncoder` with `.prettyPrinted`,
    /// `.sortedKeys` and `.withoutEscapingSlashes`): the long lists (findings, work lists, compression rows) are
    /// written directly, the small parts through the encoder.
    public static func render(_ report: AuditReport) throws -> String {
        String(decoding: try renderUTF8(report), as: UTF8.self)
    }

    /// The bytes of ``render(_:)`` (UTF-8), for writing out without making a string of them first.
    public static func renderUTF8(_ report: AuditReport) throws -> [UInt8] {
        let parts = try AuditJSONParts(report)
        var writer = PrettyJSONWriter(
            capacity: 4_096 + report.findings.count * 600 + report.compression.items.count * 400)
        writer.auditReport(report, parts: parts)
        // The parts were checked before writing; the writer's own check stays as the last word.
        if let number = writer.nonConformingNumber {
            throw EncodingError.invalidValue(
                number,
                EncodingError.Context(codingPath: [], debugDescription: "Unable to encode \(number) directly in JSON."))
        }
        return writer.bytes
    }

    /// Writes the bytes of ``renderUTF8(_:)`` to `sink` a chunk at a time (in order, each at least `chunk` bytes but
    /// the last, cut between values or inside the findings or targets), so the document is never held whole (only its
    /// findings and targets, written beforehand: see below). Everything that can refuse the document
    /// is worked out first: when this throws, `sink` has been given nothing. `sink` cannot refuse bytes: a caller
    /// whose writes can fail (standard output) stops the process or records the failure itself.
    ///
    /// The findings and the targets' work lists (two fifths of the document of 100,000 items) are written on a
    /// second thread while this one works out the parts and hands over the compression lists
    /// (``AuditJSONLaterParts``); they go out in their place, in the same bytes.
    public static func write(
        _ report: AuditReport, chunk: Int = 1 << 20, to sink: @escaping (UnsafeRawBufferPointer) -> Void
    ) throws {
        let later = AuditJSONLaterParts(writing: report)
        let parts: AuditJSONParts
        do {
            parts = try AuditJSONParts(report)
        } catch {
            _ = later.written()
            throw error
        }
        var writer = PrettyJSONWriter(streamingTo: sink, chunk: chunk)
        writer.auditReport(report, parts: parts, later: later)
        assert(
            writer.nonConformingNumber == nil && later.written().nonConformingNumber == nil,
            "AuditJSONParts let a number JSON cannot hold through")
        writer.finish()
    }

    /// The rates by ID, each with its breakdowns.
    static func rates(of report: AuditReport) -> [String: Rate] {
        var rates: [String: Rate] = [:]
        for figure in report.rates {
            var rate = Rate(figure)
            if figure.id == "cross-province" { rate.byMode = report.crossRegion.crossProvinceByMode }
            if figure.id == "cross-region" { rate.byScope = report.crossRegion.byScope }
            rates[figure.id] = rate
        }
        return rates
    }

    struct Group: Encodable {
        var key: String
        var label: String
        var numerator: Int
        var denominator: Int
        var value: Double?
    }

    struct Rate: Encodable {
        var name: String
        var formula: String
        var population: String
        var numerator: Int
        var denominator: Int
        var value: Double?
        var excluded: [Exclusion]
        var byDepartment: [Group]
        var byRegion: [Group]
        var byLevel: [Group]
        var byType: [Group]
        var byMode: [String: Int]?
        var byScope: [String: Int]?

        init(_ figure: RateFigure) {
            name = figure.name
            formula = figure.formula
            population = figure.population
            numerator = figure.ratio.numerator
            denominator = figure.ratio.denominator
            value = figure.ratio.value.map(round4)
            excluded = figure.excluded
            func groups(_ d: BreakdownDimension) -> [Group] {
                (figure.breakdown[d] ?? []).map {
                    Group(
                        key: $0.key, label: $0.label, numerator: $0.ratio.numerator, denominator: $0.ratio.denominator,
                        value: $0.ratio.value.map(round4))
                }
            }
            byDepartment = groups(.department)
            byRegion = groups(.region)
            byLevel = groups(.level)
            byType = groups(.type)
        }
    }

    struct Aggregate: Encodable {
        var label: String
        var value: Double?
        var numerator: Double
        var denominator: Double
    }

    struct Pair: Encodable {
        var mean: Aggregate
        var dayWeighted: Aggregate
        var counted: Int

        init(_ a: CompressionAggregate) {
            mean = Aggregate(
                label: CompressionAggregate.meanLabel, value: a.meanOfRates.map(round4), numerator: round4(a.rateSum),
                denominator: Double(a.counted))
            dayWeighted = Aggregate(
                label: CompressionAggregate.weightedLabel, value: a.dayWeighted.map(round4),
                numerator: round4(a.statutoryDays - a.promisedDays), denominator: round4(a.statutoryDays))
            counted = a.counted
        }
    }

    struct Department: Encodable {
        var department: String
        var compression: Pair
    }

}

/// Rounds to four decimals so JSON shows 0.8235, not 0.82352941176470584.
func round4(_ value: Double) -> Double {
    // Past 1e15 there are no decimals left to round, and scaling could overflow to infinity (which JSON cannot hold).
    abs(value) < 1e15 ? (value * 10_000).rounded() / 10_000 : value
}
