/// 统一社会信用代码 (GB 32100-2015): 18 characters with a mod-31 check character.
public struct CreditCode: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The code as written.
    public var rawValue: String

    /// Wraps a code without checking it; use ``isValid`` or ``validate()`` to check.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// The 31 characters the standard allows, in value order (no I, O, Z, S, V).
    public static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY".utf8)
    /// Weights 3^(i−1) mod 31 for the first 17 positions.
    public static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// The check character computed from the first 17 characters, or `nil` when they are not 17 valid characters.
    public static func checkCharacter(for prefix: some Sequence<UInt8>) -> Character? {
        var sum = 0
        var count = 0
        for (index, byte) in prefix.enumerated() {
            guard index < 17, let value = alphabet.firstIndex(of: byte) else { return nil }
            sum += value * weights[index]
            count += 1
        }
        guard count == 17 else { return nil }
        let check = (31 - sum % 31) % 31
        return Character(Unicode.Scalar(alphabet[check]))
    }

    /// The check on the UTF-8 bytes alone: 18 bytes from the alphabet with the right check character. Codes are
    /// checked once per item when a catalog loads and again in the audit, so this path avoids building characters.
    static func isValidASCII(_ code: String) -> Bool {
        var copy = code
        return copy.withUTF8 { bytes in
            guard bytes.count == 18 else { return false }
            var sum = 0
            var weight = 1
            for index in 0..<17 {
                let value = alphabetValue(bytes[index])
                guard value >= 0 else { return false }
                sum += value * weight
                weight = weight * 3 % 31
            }
            let check = (31 - sum % 31) % 31
            return alphabetValue(bytes[17]) == check
        }
    }

    /// The value of a character of ``alphabet``, or −1.
    @inline(__always)
    static func alphabetValue(_ byte: UInt8) -> Int {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "A")...UInt8(ascii: "H"): Int(byte - UInt8(ascii: "A")) + 10
        case UInt8(ascii: "J")...UInt8(ascii: "N"): Int(byte - UInt8(ascii: "J")) + 18
        case UInt8(ascii: "P")...UInt8(ascii: "R"): Int(byte - UInt8(ascii: "P")) + 23
        case UInt8(ascii: "T"), UInt8(ascii: "U"): Int(byte - UInt8(ascii: "T")) + 26
        case UInt8(ascii: "W")...UInt8(ascii: "Y"): Int(byte - UInt8(ascii: "W")) + 28
        default: -1
        }
    }

    /// Why a code is invalid.
    public enum Problem: Sendable, Hashable, CustomStringConvertible {
        case length(Int)
        case character(Character, position: Int)
        case checkCharacter(expected: Character, found: Character)

        /// The text users read.
        public var description: String {
            switch self {
            case .length(let n): "长度应为18位，实为\(n)位"
            case .character(let c, let p): "第\(p)位字符“\(c)”不在代码字符集内（不含 I、O、Z、S、V）"
            case .checkCharacter(let e, let f): "校验码应为“\(e)”，实为“\(f)”"
            }
        }
    }

    /// The first problem with the code, or `nil` when it is valid.
    public func validate() -> Problem? {
        if Self.isValidASCII(rawValue) { return nil }
        // Slow path, only for codes that are wrong: say what is wrong with them.
        let characters = Array(rawValue)
        guard characters.count == 18 else { return .length(characters.count) }
        // Check characters, not bytes, so a full-width letter is named as the wrong character it is.
        for (index, character) in characters.prefix(17).enumerated()
        where !(character.isASCII && Self.alphabet.contains(character.asciiValue ?? 0)) {
            return .character(character, position: index + 1)
        }
        guard characters[17].isASCII else { return .character(characters[17], position: 18) }
        let bytes = Array(rawValue.utf8)
        guard let expected = Self.checkCharacter(for: bytes.prefix(17)) else { return .length(bytes.count) }
        let found = Character(Unicode.Scalar(bytes[17]))
        return expected == found ? nil : .checkCharacter(expected: expected, found: found)
    }

    /// Whether the code is 18 valid characters with the right check character.
    public var isValid: Bool { validate() == nil }

    /// The text users read.
    public var description: String { rawValue }
}
