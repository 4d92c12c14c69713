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
    /// building it (the loader and the audit check every item): the lengths first, then the three parts in the
    /// strings' contiguous UTF-8, with no array of parts and no string made for the level (stepping through
    /// `String.UTF8View` indices cost about 65 instructions a byte).
    public static func isExpectedImplementationCode(
        _ code: String, creditCode: CreditCode, level: Level, basic: String
    ) -> Bool {
        var code = code
        var credit = creditCode.rawValue
        var basic = basic
        // Every level is one digit (1–6).
        let levelDigit = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: level.rawValue)
        return code.withUTF8 { code in
            credit.withUTF8 { credit in
                basic.withUTF8 { basic in
                    guard code.count == credit.count + 1 + basic.count, code[credit.count] == levelDigit else {
                        return false
                    }
                    return bytes(code, from: 0, equal: credit) && bytes(code, from: credit.count + 1, equal: basic)
                }
            }
        }
    }

    /// Whether `whole` holds `part` at `offset` (the caller checked the lengths).
    @inline(__always)
    private static func bytes(
        _ whole: UnsafeBufferPointer<UInt8>, from offset: Int, equal part: UnsafeBufferPointer<UInt8>
    )
        -> Bool
    {
        for index in 0..<part.count where whole[offset + index] != part[index] { return false }
        return true
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
        // The UTF-8 view in place: an array of its bytes cost an allocation per item checked.
        let bytes = rawValue.utf8
        guard bytes.count == 6 || bytes.count == 12, bytes.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return false }
        var digits = bytes.makeIterator()
        let province = Int((digits.next() ?? 48) - 48) * 10 + Int((digits.next() ?? 48) - 48)
        return (11...82).contains(province)
    }

    /// The six-digit county-level part.
    public var county: String { String(rawValue.prefix(6)) }

    /// The text users read.
    public var description: String { rawValue }
}

/// How a province numbers its items: accepted 基本编码 lengths, the 实施编码 layout and the item-type labels. The
/// shipped profiles (`Catalogs/code-profiles/`: national, guangdong, sichuan) are data files
/// (`Schemas/code-profile.xsd`); ``CodeProfile/load(path:)`` reads one.
public struct CodeProfile: Sendable, Hashable {
    /// The profile's short name (`national`, `guangdong`, `sichuan`).
    public var name: String
    /// Accepted lengths of 基本编码.
    public var basicCodeLengths: Set<Int>
    /// How 实施编码 is composed.
    public var implementationLayout: CodeLayout
    /// 事项类型 labels by code; empty means the national table.
    public var itemTypeLabels: [String: String]

    /// Creates a profile.
    public init(
        name: String = "national", basicCodeLengths: Set<Int>, implementationLayout: CodeLayout = .national,
        itemTypeLabels: [String: String] = [:]
    ) {
        self.name = name
        self.basicCodeLengths = basicCodeLengths
        self.implementationLayout = implementationLayout
        self.itemTypeLabels = itemTypeLabels
    }

    /// The national exchange tables: 12 characters; 实施编码 = USCC + 层级 + 基本编码.
    public static let national = CodeProfile(basicCodeLengths: [12])

    /// The label of an item type under this profile (the national table when the profile has none).
    public func label(of type: ItemType) -> String { itemTypeLabels[type.rawValue] ?? type.label }
}

/// The parts of a 实施编码, in order: national `USCC + 层级 + 基本编码`; Sichuan
/// `基本编码-12位区划-000-USCC-1-00`.
public struct CodeLayout: Sendable, Hashable, CustomStringConvertible {
    /// One part.
    public enum Part: Sendable, Hashable {
        /// The implementing body's unified social credit code.
        case creditCode
        /// 行使层级 (one digit).
        case level
        /// 基本编码.
        case basicCode
        /// The region code padded with zeros to `digits` (6 or 12).
        case region(digits: Int)
        /// Fixed text ("-000-").
        case text(String)
    }

    /// The parts.
    public var parts: [Part]

    /// Creates a layout.
    public init(_ parts: [Part]) { self.parts = parts }

    /// USCC + 层级 + 基本编码.
    public static let national = CodeLayout([.creditCode, .level, .basicCode])

    /// The code an item with these facts would have.
    public func code(creditCode: CreditCode, level: Level, basic: String, region: RegionCode) -> String {
        var code = ""
        for part in parts {
            switch part {
            case .creditCode: code += creditCode.rawValue
            case .level: code += String(level.rawValue)
            case .basicCode: code += basic
            case .region(let digits):
                let raw = region.rawValue
                code +=
                    raw.count >= digits
                    ? String(raw.prefix(digits)) : raw + String(repeating: "0", count: digits - raw.count)
            case .text(let text): code += text
            }
        }
        return code
    }

    /// Whether the layout is the national one (checked byte by byte without building the code).
    public var isNational: Bool { self == .national }

    /// `统一社会信用代码+行使层级+基本编码`, `基本编码-区划(12位)-000-统一社会信用代码-1-00`.
    public var description: String {
        var text = ""
        for (index, part) in parts.enumerated() {
            let name: String
            switch part {
            case .creditCode: name = "统一社会信用代码"
            case .level: name = "行使层级"
            case .basicCode: name = "基本编码"
            case .region(let digits): name = "区划(\(digits)位)"
            case .text(let literal):
                text += literal
                continue
            }
            if index > 0, case .text = parts[index - 1] {} else if index > 0 { text += "+" }
            text += name
        }
        return text
    }
}
