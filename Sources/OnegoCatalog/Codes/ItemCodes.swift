/// The codes of an item: 基本编码, 实施编码 and, for handling items, 业务办理项编码.
public struct ItemCodes: Sendable, Hashable, Codable {
    /// 基本编码.
    public var basic: String
    /// 实施编码 = implementing body's USCC (18) + 行使层级 (1) + 基本编码.
    public var implementation: String
    /// 业务办理项编码 = 实施编码 + suffix.
    public var handling: String?

    /// Creates the codes.
    public init(basic: String, implementation: String, handling: String? = nil) {
        self.basic = basic
        self.implementation = implementation
        self.handling = handling
    }

    /// The code that identifies the item: the handling-item code when present, else the implementation code.
    public var identifying: String { handling ?? implementation }

    /// The implementation code a body with `creditCode` at `level` would give this basic code.
    public static func expectedImplementationCode(creditCode: CreditCode, level: Level, basic: String) -> String {
        creditCode.rawValue + String(level.rawValue) + basic
    }

    /// Whether `code` is ``expectedImplementationCode(creditCode:level:basic:)``, compared byte by byte without
    /// building it (the loader and the audit check every item).
    public static func isExpectedImplementationCode(
        _ code: String, creditCode: CreditCode, level: Level, basic: String
    ) -> Bool {
        var bytes = code.utf8.makeIterator()
        for part in [creditCode.rawValue, String(level.rawValue), basic] {
            for byte in part.utf8 where bytes.next() != byte { return false }
        }
        return bytes.next() == nil
    }
}

/// A GB/T 2260 region code: six digits, or twelve with township and village.
public struct RegionCode: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The code as written.
    public var rawValue: String

    /// Wraps a code.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// Whether the code has the shape of a region code and a plausible province prefix (11–82).
    public var isWellFormed: Bool {
        let bytes = Array(rawValue.utf8)
        guard bytes.count == 6 || bytes.count == 12, bytes.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return false }
        let province = Int(bytes[0] - 48) * 10 + Int(bytes[1] - 48)
        return (11...82).contains(province)
    }

    /// The six-digit county-level part.
    public var county: String { String(rawValue.prefix(6)) }

    /// The text users read.
    public var description: String { rawValue }
}

/// Which basic-code layouts a catalog accepts. National tables use 12 characters; provinces differ.
public struct CodeProfile: Sendable, Hashable {
    /// Accepted lengths of 基本编码.
    public var basicCodeLengths: Set<Int>

    /// Creates a profile.
    public init(basicCodeLengths: Set<Int>) { self.basicCodeLengths = basicCodeLengths }

    /// The national exchange tables: 12 characters.
    public static let national = CodeProfile(basicCodeLengths: [12])
}
