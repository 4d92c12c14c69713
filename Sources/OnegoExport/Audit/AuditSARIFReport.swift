import Foundation
public import OnegoAudit
import OnegoBase
import OnegoCatalog

/// The SARIF 2.1.0 form of an audit, so CI systems and editors can show findings at their file, line and column.
///
/// Every registered rule is listed in `tool.driver.rules`; waived findings are kept as results with an external
/// `suppressions` entry carrying the waiver's reason; the targets go into the run's property bag.
public enum AuditSARIFReport {
    /// The SARIF schema URI written into the log.
    public static let schemaURI =
        "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    /// Renders the report as a SARIF 2.1.0 log.
    public static func render(_ report: AuditReport, toolVersion: String = "0.1.0") throws -> String {
        let rules = report.registry.rules
        var ruleIndex: [String: Int] = [:]
        for (index, rule) in rules.enumerated() { ruleIndex[rule.id.rawValue] = index }
        var results = report.findings.map { result($0, ruleIndex: ruleIndex, suppression: nil) }
        results += report.waived.map {
            result(
                $0.finding, ruleIndex: ruleIndex,
                suppression: Suppression(
                    kind: "external", status: "accepted",
                    justification: $0.reason + ($0.expires.map { "（有效期至 \($0)）" } ?? "")))
        }
        let log = Log(
            schema: schemaURI, version: "2.1.0",
            runs: [
                Run(
                    tool: Tool(
                        driver: Driver(
                            name: "onego", semanticVersion: toolVersion,
                            informationUri: nil,
                            rules: rules.map {
                                ReportingDescriptor(
                                    id: $0.id.rawValue, name: $0.title, shortDescription: Message(text: $0.title),
                                    fullDescription: Message(text: $0.explanation),
                                    defaultConfiguration: Configuration(level: level($0.severity)),
                                    properties: RuleProperties(tags: [$0.family.rawValue, $0.family.label]))
                            })),
                    results: results, columnKind: "unicodeCodePoints",
                    properties: RunProperties(
                        today: report.today.description, passes: report.passes,
                        targets: report.targets.map {
                            TargetProperty(
                                id: $0.target.id, name: $0.target.name, value: $0.value.map(round4),
                                target: round4($0.target.threshold), met: $0.met)
                        }))
            ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(log), as: UTF8.self)
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    static func result(_ finding: Finding, ruleIndex: [String: Int], suppression: Suppression?) -> Result {
        var locations: [Location] = []
        if let place = finding.location, !place.file.isEmpty {
            let region =
                place.line > 0 ? Region(startLine: place.line, startColumn: place.column > 0 ? place.column : nil) : nil
            locations.append(
                Location(
                    physicalLocation: PhysicalLocation(
                        artifactLocation: ArtifactLocation(uri: uri(for: place.file)), region: region),
                    logicalLocations: finding.item.map {
                        [LogicalLocation(name: finding.itemName, fullyQualifiedName: $0, kind: "object")]
                    }))
        }
        return Result(
            ruleId: finding.rule.rawValue, ruleIndex: ruleIndex[finding.rule.rawValue], level: level(finding.severity),
            message: Message(text: finding.message), locations: locations,
            suppressions: suppression.map { [$0] })
    }

    /// A relative or absolute path as a URI reference (percent-encoded; absolute paths become file URIs).
    static func uri(for path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":")
        let encoded = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        return path.hasPrefix("/") ? "file://" + encoded : encoded
    }

    struct Log: Encodable {
        var schema: String
        var version: String
        var runs: [Run]
        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version, runs
        }
    }

    struct Run: Encodable {
        var tool: Tool
        var results: [Result]
        var columnKind: String
        var properties: RunProperties
    }

    struct RunProperties: Encodable {
        var today: String
        var passes: Bool
        var targets: [TargetProperty]
    }

    struct TargetProperty: Encodable {
        var id: String
        var name: String
        var value: Double?
        var target: Double
        var met: Bool
    }

    struct Tool: Encodable { var driver: Driver }

    struct Driver: Encodable {
        var name: String
        var semanticVersion: String
        var informationUri: String?
        var rules: [ReportingDescriptor]
    }

    struct ReportingDescriptor: Encodable {
        var id: String
        var name: String
        var shortDescription: Message
        var fullDescription: Message
        var defaultConfiguration: Configuration
        var properties: RuleProperties
    }

    struct RuleProperties: Encodable { var tags: [String] }

    struct Configuration: Encodable { var level: String }

    struct Message: Encodable { var text: String }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int?
        var level: String
        var message: Message
        var locations: [Location]
        var suppressions: [Suppression]?
    }

    struct Suppression: Encodable {
        var kind: String
        var status: String
        var justification: String
    }

    struct Location: Encodable {
        var physicalLocation: PhysicalLocation
        var logicalLocations: [LogicalLocation]?
    }

    struct LogicalLocation: Encodable {
        var name: String?
        var fullyQualifiedName: String
        var kind: String
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region?
    }

    struct ArtifactLocation: Encodable { var uri: String }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int?
    }
}
