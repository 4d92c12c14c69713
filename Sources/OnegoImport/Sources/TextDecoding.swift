#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Decodes the bytes of a text file whose encoding is not declared: UTF-8 (with or without a byte-order mark)
/// first, then GB18030, which Chinese office software writes by default. The corresponding C function is `iconv`.
public enum TextDecoding {
    /// The encoding a text was read in.
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case gb18030 = "GB18030"
    }

    /// Decodes `bytes`, or returns `nil` when they are neither UTF-8 nor GB18030.
    public static func decode(_ bytes: [UInt8]) -> (text: String, encoding: Encoding)? {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let text = String(validating: body, as: UTF8.self) { return (text, .utf8) }
        if let text = convert(Array(bytes), from: "GB18030") { return (text, .gb18030) }
        return nil
    }

    /// Converts `bytes` from `encoding` to a string through iconv, failing on any invalid sequence.
    static func convert(_ bytes: [UInt8], from encoding: String) -> String? {
        let descriptor = iconv_open("UTF-8", encoding)
        if descriptor == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(descriptor) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 2 + 16)
        let capacity = output.count
        let used: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = inBuffer.baseAddress
                var inLeft = inBuffer.count
                var outPointer = outBuffer.baseAddress
                var outLeft = outBuffer.count
                let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                guard result != -1, inLeft == 0 else { return nil }
                return capacity - outLeft
            }
        }
        guard let used else { return nil }
        return String(decoding: output[..<used].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
