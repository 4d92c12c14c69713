/// An exact, arbitrarily large count of answer sets (40 yes/no questions give 1,099,511,627,776; a few
/// multiple-choice questions with many options give far more than 64 bits hold).
public struct AnswerSetCount: Sendable, Hashable, Comparable, CustomStringConvertible,
    ExpressibleByIntegerLiteral
{
    /// Base-2³² digits, least significant first, without trailing zeros (zero is empty).
    private var limbs: [UInt32]

    /// Creates a count from a machine integer.
    public init(_ value: UInt64) {
        limbs = [UInt32(truncatingIfNeeded: value), UInt32(truncatingIfNeeded: value >> 32)]
        trim()
    }

    /// Creates a count from a literal.
    public init(integerLiteral value: UInt64) { self.init(value) }

    /// Zero.
    public static let zero = AnswerSetCount(0)

    /// Whether the count is zero.
    public var isZero: Bool { limbs.isEmpty }

    /// The count as a machine integer, when it fits.
    public var exactValue: UInt64? {
        guard limbs.count <= 2 else { return nil }
        return limbs.enumerated().reduce(0) { $0 | UInt64($1.element) << (32 * UInt64($1.offset)) }
    }

    /// 2ⁿ.
    public static func power(ofTwo exponent: Int) -> AnswerSetCount {
        var count = AnswerSetCount.zero
        count.limbs = Array(repeating: 0, count: exponent / 32) + [UInt32(1) << UInt32(exponent % 32)]
        return count
    }

    private mutating func trim() {
        while limbs.last == 0 { limbs.removeLast() }
    }

    /// The sum.
    public static func + (lhs: AnswerSetCount, rhs: AnswerSetCount) -> AnswerSetCount {
        var result = AnswerSetCount.zero
        var carry: UInt64 = 0
        for index in 0..<max(lhs.limbs.count, rhs.limbs.count) {
            let sum =
                UInt64(index < lhs.limbs.count ? lhs.limbs[index] : 0)
                + UInt64(index < rhs.limbs.count ? rhs.limbs[index] : 0) + carry
            result.limbs.append(UInt32(truncatingIfNeeded: sum))
            carry = sum >> 32
        }
        if carry != 0 { result.limbs.append(UInt32(carry)) }
        return result
    }

    /// Adds in place.
    public static func += (lhs: inout AnswerSetCount, rhs: AnswerSetCount) { lhs = lhs + rhs }

    /// The product.
    public static func * (lhs: AnswerSetCount, rhs: AnswerSetCount) -> AnswerSetCount {
        guard !lhs.isZero, !rhs.isZero else { return .zero }
        var product = [UInt32](repeating: 0, count: lhs.limbs.count + rhs.limbs.count)
        for (i, a) in lhs.limbs.enumerated() {
            var carry: UInt64 = 0
            for (j, b) in rhs.limbs.enumerated() {
                let value = UInt64(a) * UInt64(b) + UInt64(product[i + j]) + carry
                product[i + j] = UInt32(truncatingIfNeeded: value)
                carry = value >> 32
            }
            var k = i + rhs.limbs.count
            while carry != 0 {
                let value = UInt64(product[k]) + carry
                product[k] = UInt32(truncatingIfNeeded: value)
                carry = value >> 32
                k += 1
            }
        }
        var result = AnswerSetCount.zero
        result.limbs = product
        result.trim()
        return result
    }

    /// The count minus one (zero stays zero).
    public func decremented() -> AnswerSetCount {
        guard !isZero else { return self }
        var result = self
        var index = 0
        while result.limbs[index] == 0 {
            result.limbs[index] = UInt32.max
            index += 1
        }
        result.limbs[index] -= 1
        result.trim()
        return result
    }

    /// Orders two counts.
    public static func < (lhs: AnswerSetCount, rhs: AnswerSetCount) -> Bool {
        if lhs.limbs.count != rhs.limbs.count { return lhs.limbs.count < rhs.limbs.count }
        for index in lhs.limbs.indices.reversed() where lhs.limbs[index] != rhs.limbs[index] {
            return lhs.limbs[index] < rhs.limbs[index]
        }
        return false
    }

    /// The decimal digits, e.g. `1099511627776`.
    public var description: String {
        guard !isZero else { return "0" }
        var digits: [String] = []
        var rest = limbs
        while !rest.isEmpty {
            // Divide by 10⁹, collecting the remainder.
            var remainder: UInt64 = 0
            for index in rest.indices.reversed() {
                let value = remainder << 32 | UInt64(rest[index])
                rest[index] = UInt32(value / 1_000_000_000)
                remainder = value % 1_000_000_000
            }
            while rest.last == 0 { rest.removeLast() }
            let chunk = String(remainder)
            digits.append(rest.isEmpty ? chunk : String(repeating: "0", count: 9 - chunk.count) + chunk)
        }
        return digits.reversed().joined()
    }
}
