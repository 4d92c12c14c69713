#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Rewrites CR-only line endings to LF before libxml2 sees them. XML's end-of-line handling makes a lone CR, CRLF
/// and LF the same character, but libxml2 2.9 counts lines on LF only, so a file from an old Mac export reported
/// every error on line 1 (`1:807` instead of `14:5`). CRLF stays as it is; ASCII-compatible encodings only (in
/// UTF-8, GB18030, GBK and Big5 the CR byte is never part of another character).
struct LineEndings {
    /// Whether the previous chunk ended with a CR, fed as LF: an LF opening the next chunk completes a CRLF.
    private var endedWithCR = false

    /// The chunk with each lone CR rewritten to LF, or `nil` when it can be fed as it is (no lone CR: the common
    /// case costs one `memchr` per CR).
    mutating func normalize(_ chunk: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard let base = chunk.baseAddress, chunk.count > 0 else { return nil }
        let dropsLF = endedWithCR && base.pointee == 0x0A
        endedWithCR = false
        var rewrite: [Int] = []
        var p = UnsafeRawPointer(base)
        let end = UnsafeRawPointer(base + chunk.count)
        while let hit = memchr(p, 0x0D, end - p) {
            let next = UnsafeRawPointer(hit) + 1
            if next == end {
                rewrite.append(UnsafeRawPointer(hit) - UnsafeRawPointer(base))
                endedWithCR = true
                break
            }
            if next.load(as: UInt8.self) != 0x0A { rewrite.append(UnsafeRawPointer(hit) - UnsafeRawPointer(base)) }
            p = next
        }
        guard dropsLF || !rewrite.isEmpty else { return nil }
        var bytes = Array(chunk)
        for index in rewrite { bytes[index] = 0x0A }
        if dropsLF { bytes.removeFirst() }
        return bytes
    }
}
