/// A stable rule identifier such as `xml.syntax`, `catalog.duplicate-code` or `visits.zero-with-reason`.
///
/// Each module declares the IDs it emits as static members beside the code that emits them
/// (`RuleID.xmlSyntax`), together with a ``RuleDescriptor`` giving the Chinese title and explanation. It encodes
/// as its plain string, so JSON and SARIF output read `"rule": "xml.syntax"`.
public struct RuleID: RawRepresentable, Sendable, Hashable, Comparable, Codable, CodingKeyRepresentable,
    CustomStringConvertible, ExpressibleByStringLiteral
{
    /// The identifier as printed, e.g. `xml.syntax`.
    public let rawValue: String

    /// Creates an identifier.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Creates an identifier.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// Creates an identifier from a literal (tests and waiver files name rules this way).
    public init(stringLiteral value: String) { self.rawValue = value }

    /// Decodes the plain string.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the plain string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Used as a dictionary key in JSON, the plain string.
    public var codingKey: any CodingKey { RuleCodingKey(stringValue: rawValue) }

    /// Creates an identifier from a JSON dictionary key.
    public init?<T: CodingKey>(codingKey: T) { self.rawValue = codingKey.stringValue }

    /// The identifier as printed.
    public var description: String { rawValue }

    /// The part before the first dot (`xml` for `xml.syntax`).
    public var prefix: Substring { rawValue.prefix { $0 != "." } }

    /// Whether the identifier starts with this text (`import.value` matches `import.value.derived`).
    public func hasPrefix(_ text: String) -> Bool { rawValue.hasPrefix(text) }

    /// Orders by the raw string.
    public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.rawValue < rhs.rawValue }
}

private struct RuleCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
