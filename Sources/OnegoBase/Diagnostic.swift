/// How serious a diagnostic is.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case error
    case warning
    case note

    /// The Chinese word printed in compiler-style output.
    public var label: String {
        switch self {
        case .error: "错误"
        case .warning: "警告"
        case .note: "提示"
        }
    }

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .note: 2
        }
    }

    /// Orders two values.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A problem found in an input file, with where it is and which rule found it.
///
/// Its `description` is the compiler-style line a user reads:
/// `Catalogs/yunxi/items/market-regulation.xml:42:7: 错误: … [catalog.time-limit.promise-exceeds-statutory]`.
public struct Diagnostic: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// How serious it is.
    public var severity: Severity
    /// A stable rule identifier such as `xml.syntax`, `xml.schema` or `catalog.duplicate-code`.
    public var rule: RuleID
    /// The message, in Chinese, naming the values involved.
    public var message: String
    /// Where the problem is, when it has a place.
    public var location: SourceLocation?
    /// Other places involved, such as the first definition of a duplicated code.
    public var related: [SourceLocation]

    /// Creates a diagnostic.
    public init(
        _ severity: Severity, rule: RuleID, message: String, at location: SourceLocation? = nil,
        related: [SourceLocation] = []
    ) {
        self.severity = severity
        self.rule = rule
        self.message = message
        self.location = location
        self.related = related
    }

    /// `path:line:column: 错误: message [rule]`.
    public var description: String {
        let place = location.map { "\($0): " } ?? ""
        return "\(place)\(severity.label): \(message) [\(rule)]"
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, line and column; diagnostics without a place come first.
    public func sortedByLocation() -> [Diagnostic] {
        enumerated().sorted { a, b in
            switch (a.element.location, b.element.location) {
            case (nil, nil): a.offset < b.offset
            case (nil, _): true
            case (_, nil): false
            case (let l?, let r?): l == r ? a.offset < b.offset : l < r
            }
        }.map(\.element)
    }
}
