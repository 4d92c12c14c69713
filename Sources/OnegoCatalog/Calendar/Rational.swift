/// An exact fraction, so time limits (0.5 工作日, 3 小时 = 3/7 of a 7-hour working day) add and compare without
/// rounding; only display rounds.
public struct Rational: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The numerator, sign included.
    public let numerator: Int
    /// The denominator, always positive.
    public let denominator: Int

    /// Creates `numerator / denominator` in lowest terms; a zero denominator gives 0.
    public init(_ numerator: Int, _ denominator: Int = 1) {
        guard denominator != 0 else {
            self.numerator = 0
            self.denominator = 1
            return
        }
        let divisor = Self.gcd(abs(numerator), abs(denominator))
        let sign = denominator < 0 ? -1 : 1
        self.numerator = sign * numerator / max(divisor, 1)
        self.denominator = sign * denominator / max(divisor, 1)
    }

    /// A decimal with at most two places (the catalog's time values), exactly: `0.5` → 1/2.
    public init(decimal value: Double) {
        self.init(Int((value * 100).rounded()), 100)
    }

    /// Zero.
    public static let zero = Rational(0)

    /// The value as a floating-point number (for display and JSON).
    public var doubleValue: Double { Double(numerator) / Double(denominator) }

    /// The smallest whole number not below the value.
    public var ceiling: Int {
        let quotient = numerator / denominator
        return numerator % denominator > 0 ? quotient + 1 : quotient
    }

    /// `3/7`, or `2` for whole numbers.
    public var description: String { denominator == 1 ? String(numerator) : "\(numerator)/\(denominator)" }

    /// The sum.
    public static func + (a: Rational, b: Rational) -> Rational {
        Rational(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
    }

    /// The difference.
    public static func - (a: Rational, b: Rational) -> Rational {
        Rational(a.numerator * b.denominator - b.numerator * a.denominator, a.denominator * b.denominator)
    }

    /// The product.
    public static func * (a: Rational, b: Rational) -> Rational {
        Rational(a.numerator * b.numerator, a.denominator * b.denominator)
    }

    /// The quotient; dividing by zero gives 0.
    public static func / (a: Rational, b: Rational) -> Rational {
        Rational(a.numerator * b.denominator, a.denominator * b.numerator)
    }

    /// Orders two values.
    public static func < (a: Rational, b: Rational) -> Bool {
        a.numerator * b.denominator < b.numerator * a.denominator
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }
}
