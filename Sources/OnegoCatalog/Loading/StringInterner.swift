/// Keeps one copy of each repeated string (departments, material names, units, e-licence types), so a large
/// catalog holds each distinct text once. Not thread-safe: one interner per loading thread.
final class StringInterner {
    private var table: Set<String> = []

    /// The stored copy equal to `bytes` decoded as UTF-8.
    func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        intern(String(decoding: bytes, as: UTF8.self))
    }

    /// The stored copy equal to `string`.
    func intern(_ string: String) -> String {
        if let index = table.firstIndex(of: string) { return table[index] }
        table.insert(string)
        return string
    }

    /// How many distinct strings are stored.
    var count: Int { table.count }
}
