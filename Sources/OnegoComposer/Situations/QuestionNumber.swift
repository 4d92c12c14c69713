public import Foundation

/// A non-negative decimal number as written in a matter file or an answer (`120`, `49.5`), compared exactly.
///
/// Only plain decimal digits with an optional fraction are accepted (no sign, exponent, hex or thousands
/// separators), at most 12 integer and 6 fractional digits, so every value is exact.
public struct QuestionNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The value, scaled by 10⁶.
    public let micros: Int64

    /// Creates a number from its value times 10⁶.
    public init(micros: Int64) { self.micros = micros }

    /// Creates a whole number.
    public init(_ whole: Int) { micros = Int64(whole) * 1_000_000 }

    /// Parses `120`, `49.5` or `0.25`; nil for anything else (`-1`, `1e3`, `0x10`, `12,5`, `１２`).
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        let dot = bytes.firstIndex(of: UInt8(ascii: ".")) ?? bytes.count
        let whole = bytes[..<dot]
        let fraction = dot < bytes.count ? bytes[(dot + 1)...] : []
        guard !whole.isEmpty, whole.count <= 12, fraction.count <= 6, dot == bytes.count || !fraction.isEmpty
        else { return nil }
        var value: Int64 = 0
        for byte in whole {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int64(byte - UInt8(ascii: "0"))
        }
        var scale: Int64 = 100_000
        value *= 1_000_000
        for byte in fraction {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value += Int64(byte - UInt8(ascii: "0")) * scale
            scale /= 10
        }
        micros = value
    }

    /// Whether the number has no fractional part.
    public var isWhole: Bool { micros % 1_000_000 == 0 }

    /// The whole part.
    public var wholePart: Int64 { micros / 1_000_000 }

    /// `120`, `49.5`: the shortest exact decimal form.
    public var description: String {
        let whole = String(micros / 1_000_000)
        var fraction = micros % 1_000_000
        guard fraction != 0 else { return whole }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 6 - digits.count) + digits
        while digits.hasSuffix("0") {
            digits.removeLast()
            fraction /= 10
        }
        return whole + "." + digits
    }

    /// The number as a JSON-friendly decimal.
    public var decimal: Decimal { Decimal(micros) / Decimal(1_000_000) }

    /// Orders two numbers.
    public static func < (lhs: QuestionNumber, rhs: QuestionNumber) -> Bool { lhs.micros < rhs.micros }
}
