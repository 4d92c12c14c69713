#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// The one read loop of the parser: whole files, the byte ranges of a planned part, and second reads that locate an
/// error all go through it.
enum FileChunks {
    /// The size of each read.
    static let chunkSize = 1 << 18

    /// Hands `visit` the bytes of `fd` chunk by chunk, through one buffer: from the file's current offset to its end
    /// (`read`), or exactly the bytes of `range` (`pread`). Interrupted reads are retried; `visit` returns false to stop.
    ///
    /// - Returns: the `errno` of a failed read (`EIO` when the file ends inside `range`), or nil.
    static func forEach(
        of fd: Int32, in range: Range<Int>? = nil, _ visit: (UnsafeBufferPointer<UInt8>) -> Bool
    ) -> Int32? {
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: chunkSize)
        defer { buffer.deallocate() }
        var offset = range?.lowerBound ?? 0
        while range.map({ offset < $0.upperBound }) ?? true {
            let n: Int
            if let range {
                n = pread(fd, buffer, min(chunkSize, range.upperBound - offset), off_t(offset))
            } else {
                n = read(fd, buffer, chunkSize)
            }
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if n == 0 { return range == nil ? nil : EIO }
            offset += n
            if !visit(UnsafeBufferPointer(start: buffer, count: n)) { return nil }
        }
        return nil
    }
}
