#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Finds where a document stops being valid in its declared encoding.
///
/// libxml2 converts a pushed chunk to UTF-8 before parsing it, so a conversion failure (say, a damaged GB18030
/// byte) is reported without a position. This walks the same bytes through iconv in blocks and returns the line and
/// column of the first byte that does not convert, so officers can find the damaged place in a large export.
/// Lines (ended by LF, CR or CRLF) are counted on the raw bytes, which is exact for the ASCII-compatible encodings
/// government systems export (GBK, GB18030, Big5: their multi-byte sequences never contain CR or LF bytes).
enum EncodingErrorLocator {
    /// Where the first unconvertible byte is, reading `chunks` in order (the visitor returns false to stop); `nil`
    /// when iconv does not know the encoding or everything converts.
    static func locate(encoding: String, chunks: (_ visit: (UnsafeBufferPointer<UInt8>) -> Bool) -> Void)
        -> (line: Int, column: Int)?
    {
        guard let converter = Converter(from: encoding) else { return nil }
        var line = 1
        var lineTail: [UInt8] = []  // the current line's bytes so far, for the column
        var carry: [UInt8] = []
        var previousCR = false
        var found: (line: Int, column: Int)?
        chunks { chunk in
            let block = carry + Array(chunk)
            carry = []
            let (consumed, failure) = converter.convert(block)
            for byte in block[0..<consumed] {
                // Lines end at LF, CR or CRLF (the CR already ended the line).
                defer { previousCR = byte == 0x0D }
                if byte == 0x0A && previousCR { continue }
                if byte == 0x0A || byte == 0x0D {
                    line += 1
                    lineTail.removeAll(keepingCapacity: true)
                } else if lineTail.count < 1 << 16 {
                    lineTail.append(byte)
                }
            }
            switch failure {
            case .none:
                return true
            case .incomplete:
                carry = Array(block[consumed...])
                return true
            case .invalid:
                found = (line, (Converter(from: encoding)?.characterCount(lineTail) ?? lineTail.count) + 1)
                return false
            }
        }
        if found == nil && !carry.isEmpty {
            found = (line, (Converter(from: encoding)?.characterCount(lineTail) ?? lineTail.count) + 1)
        }
        return found
    }

    /// An iconv conversion to UTF-8, closed when released.
    private final class Converter {
        enum Failure { case incomplete, invalid }

        private let handle: iconv_t
        private let output = UnsafeMutablePointer<CChar>.allocate(capacity: 1 << 16)

        init?(from encoding: String) {
            let handle = iconv_open("UTF-8", encoding)
            guard let handle, handle != iconv_t(bitPattern: -1) else { return nil }
            self.handle = handle
        }

        deinit {
            iconv_close(handle)
            output.deallocate()
        }

        /// Converts as much of `bytes` as possible; returns how many bytes converted and why it stopped early.
        func convert(_ bytes: [UInt8]) -> (consumed: Int, failure: Failure?) {
            var copy = bytes
            return copy.withUnsafeMutableBytes { raw -> (Int, Failure?) in
                guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self) else { return (0, nil) }
                var input: UnsafeMutablePointer<CChar>? = base
                var inputLeft = raw.count
                while inputLeft > 0 {
                    var out: UnsafeMutablePointer<CChar>? = output
                    var outLeft = 1 << 16
                    if iconv(handle, &input, &inputLeft, &out, &outLeft) == -1 {
                        let consumed = raw.count - inputLeft
                        switch errno {
                        case E2BIG: continue
                        case EINVAL: return (consumed, .incomplete)
                        default: return (consumed, .invalid)
                        }
                    }
                }
                return (raw.count, nil)
            }
        }

        /// The number of characters in valid `bytes`.
        func characterCount(_ bytes: [UInt8]) -> Int {
            var count = 0
            var copy = bytes
            copy.withUnsafeMutableBytes { raw in
                guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self) else { return }
                var input: UnsafeMutablePointer<CChar>? = base
                var inputLeft = raw.count
                while inputLeft > 0 {
                    var out: UnsafeMutablePointer<CChar>? = output
                    var outLeft = 1 << 16
                    let result = iconv(handle, &input, &inputLeft, &out, &outLeft)
                    let produced = (1 << 16) - outLeft
                    for index in 0..<produced where UInt8(bitPattern: output[index]) & 0xC0 != 0x80 { count += 1 }
                    if result == -1 && errno != E2BIG { break }
                }
            }
            return count
        }
    }
}
