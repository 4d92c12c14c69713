/// Positions in a document's raw bytes, found by reading them again (only when a problem is reported, never while
/// parsing). Lines end at LF, CR or CRLF, as XML's end-of-line handling has it; columns count characters.
enum SourcePositions {
    /// Walks `chunks` in order (the visitor returns false to stop) and yields each character's first byte offset,
    /// line and column until `visit` returns false.
    private static func walk(
        unitWidth: Int, chunks: (_ visit: (UnsafeBufferPointer<UInt8>) -> Bool) -> Void,
        _ visit: (_ offset: Int, _ line: Int, _ column: Int, _ bytes: [UInt8]) -> Bool
    ) {
        withoutActuallyEscaping(visit) { visit in walk(unitWidth: unitWidth, chunks: chunks, escaping: visit) }
    }

    private static func walk(
        unitWidth: Int, chunks: (_ visit: (UnsafeBufferPointer<UInt8>) -> Bool) -> Void,
        escaping visit: @escaping (_ offset: Int, _ line: Int, _ column: Int, _ bytes: [UInt8]) -> Bool
    ) {
        let width = max(1, unitWidth)
        var line = 1
        var column = 1
        var offset = 0
        var previousCR = false
        // The character being read: its bytes, first offset and position.
        var current: [UInt8] = []
        var start = (offset: 0, line: 1, column: 1)
        var going = true
        /// Hands over the current character and moves past it.
        func finish() -> Bool {
            guard !current.isEmpty else { return true }
            if !visit(start.offset, start.line, start.column, current) { return false }
            let value = width == 1 ? UInt32(current[0]) : codeUnit(current[...], width: width)
            if value == 0x0A && previousCR {
                previousCR = false
            } else {
                previousCR = value == 0x0D
                if value == 0x0A || value == 0x0D {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            }
            current.removeAll(keepingCapacity: true)
            return true
        }
        chunks { chunk in
            for byte in chunk {
                let continues = width == 1 ? byte & 0xC0 == 0x80 && !current.isEmpty : current.count % width != 0
                if !continues {
                    guard finish() else {
                        going = false
                        return false
                    }
                    start = (offset, line, column)
                }
                current.append(byte)
                offset += 1
            }
            return true
        }
        if going { _ = finish() }
    }

    private static func codeUnit(_ bytes: ArraySlice<UInt8>, width: Int) -> UInt32 {
        // Only the low byte matters here (CR and LF); both byte orders put it at one end.
        let first = UInt32(bytes.first ?? 0)
        let last = UInt32(bytes.last ?? 0)
        return first == 0 ? last : (last == 0 ? first : 0xFFFF)
    }

    /// The line and column of the character starting at byte `offset`.
    static func position(
        ofByte offset: Int, unitWidth: Int, chunks: (_ visit: (UnsafeBufferPointer<UInt8>) -> Bool) -> Void
    ) -> (line: Int, column: Int)? {
        var found: (line: Int, column: Int)?
        walk(unitWidth: unitWidth, chunks: chunks) { start, line, column, _ in
            if start >= offset {
                found = (line, column)
                return false
            }
            return true
        }
        return found
    }

    /// The character at `line` and `column` of a UTF-8 document, or `nil` when there is none or it is not UTF-8.
    static func scalar(
        line: Int, column: Int, chunks: (_ visit: (UnsafeBufferPointer<UInt8>) -> Bool) -> Void
    ) -> Unicode.Scalar? {
        var found: Unicode.Scalar?
        walk(unitWidth: 1, chunks: chunks) { _, l, c, bytes in
            if l > line || (l == line && c >= column) {
                if l == line && c == column {
                    var decoder = UTF8()
                    var iterator = bytes.makeIterator()
                    if case .scalarValue(let scalar) = decoder.decode(&iterator) { found = scalar }
                }
                return false
            }
            return true
        }
        return found
    }
}
