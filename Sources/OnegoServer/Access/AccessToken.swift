/// The per-start secret that every request to the workbench must carry.
///
/// Made from 256 random bits (the system's cryptographically secure generator, which reads the kernel's random
/// source), written as 64 lowercase hexadecimal digits so it survives URLs, cookies and headers unchanged.
public struct AccessToken: Sendable, Hashable, CustomStringConvertible {
    /// The token text.
    public let value: String

    /// Wraps a given secret (a password file's contents, or a fixed token in tests).
    public init(value: String) { self.value = value }

    /// A fresh random token of 256 bits.
    public static func random() -> AccessToken {
        var generator = SystemRandomNumberGenerator()
        var text = ""
        for _ in 0..<4 {
            let word = generator.next() as UInt64
            let hex = String(word, radix: 16)
            text += String(repeating: "0", count: 16 - hex.count) + hex
        }
        return AccessToken(value: text)
    }

    /// Compares in time that does not depend on where the first difference is.
    public func matches(_ candidate: some StringProtocol) -> Bool {
        let a = Array(value.utf8)
        let b = Array(candidate.utf8)
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for index in 0..<a.count { difference |= a[index] ^ (index < b.count ? b[index] : 0) }
        return difference == 0 && !a.isEmpty
    }

    /// The token is a secret: its description hides it.
    public var description: String { "AccessToken(…)" }
}
