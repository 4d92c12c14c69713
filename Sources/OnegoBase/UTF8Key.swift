import Foundation

/// A string hashed and compared by its UTF-8 bytes, for memo tables and caches that only need byte identity:
/// `String`'s own hashing and equality normalise Unicode first, which for Chinese text costs more than most of the
/// work being memoised. Byte equality is stricter than canonical equivalence, so two spellings of one text (NFC and
/// NFD) are two keys.
///
/// ```swift
/// var counts: [UTF8Key: Int] = [:]
/// counts[UTF8Key("市场监督管理局"), default: 0] += 1
/// ```
public struct UTF8Key: Hashable, Sendable {
    /// The text.
    public let string: String

    /// A key of `string`'s bytes.
    public init(_ string: String) { self.string = string }

    /// Feeds the UTF-8 bytes to the hasher.
    public func hash(into hasher: inout Hasher) {
        var copy = string
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Whether the two texts have the same UTF-8 bytes.
    public static func == (lhs: UTF8Key, rhs: UTF8Key) -> Bool {
        var a = lhs.string
        var b = rhs.string
        return a.withUTF8 { x in
            b.withUTF8 { y in
                guard x.count == y.count else { return false }
                guard let p = x.baseAddress, let q = y.baseAddress else { return true }
                return memcmp(p, q, x.count) == 0
            }
        }
    }
}
