import Foundation

/// A string hashed and compared by its UTF-8 bytes, for memo tables that only need byte identity: `String`'s own
/// hashing and equality normalise Unicode first, which costs more than most of the work being memoised.
struct UTF8Key: Hashable {
    let string: String

    init(_ string: String) { self.string = string }

    func hash(into hasher: inout Hasher) {
        var copy = string
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    static func == (lhs: UTF8Key, rhs: UTF8Key) -> Bool {
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
