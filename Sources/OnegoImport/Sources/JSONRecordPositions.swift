/// Where each record of a JSON array begins in the text (1-based line and column, columns counted in characters),
/// found by a scan of the bytes that follows strings, escapes and nesting. `JSONSerialization` gives no positions;
/// this lets diagnostics about a record name its place in the file.
enum JSONRecordPositions {
    /// A place in the text.
    struct Position: Hashable {
        var line: Int
        var column: Int
    }

    /// The start of each element of the root array, or, when `memberKey` is given, of the array held by that
    /// member of the root object; `nil` when the text has no such array (or the key is written with escapes).
    static func starts(in bytes: UnsafeBufferPointer<UInt8>, memberKey: String?) -> [Position]? {
        var scanner = Scanner(key: memberKey.map { Array($0.utf8) })
        for byte in bytes {
            scanner.step(byte)
            if scanner.isFinished { break }
        }
        return scanner.foundArray ? scanner.starts : nil
    }

    private struct Scanner {
        let key: [UInt8]?
        var starts: [Position] = []
        var foundArray = false
        var isFinished = false
        private var line = 1
        private var column = 0
        private var depth = 0
        private var inString = false
        private var escaped = false
        /// The depth of the array whose elements are recorded, once entered.
        private var targetDepth: Int?
        private var expectingElement = false
        /// Root-object members: whether the next string at depth 1 is a key, the key being read (a key written
        /// with escapes never matches), the last key read.
        private var expectingKey = false
        private var readingKey = false
        private var keyBytes: [UInt8] = []
        private var keyEscaped = false
        private var lastKey: [UInt8]?

        init(key: [UInt8]?) { self.key = key }

        mutating func step(_ byte: UInt8) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 0
                return
            }
            if byte & 0xC0 != 0x80 { column += 1 }
            if inString {
                stepInString(byte)
                return
            }
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), 0xEF, 0xBB, 0xBF: return
            default: break
            }
            if expectingElement, depth == targetDepth, byte != UInt8(ascii: "]") {
                starts.append(Position(line: line, column: column))
                expectingElement = false
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
                readingKey = expectingKey && depth == 1
                keyEscaped = false
                keyBytes.removeAll(keepingCapacity: true)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                enter(isArray: byte == UInt8(ascii: "["))
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth == targetDepth {
                    isFinished = true
                }
                depth -= 1
            case UInt8(ascii: ","):
                if depth == targetDepth { expectingElement = true }
                if depth == 1 && key != nil { expectingKey = true }
            default: break
            }
        }

        private mutating func enter(isArray: Bool) {
            guard targetDepth == nil else { return }
            if depth == 1 {
                if key == nil, isArray {
                    begin()
                } else if key != nil, !isArray {
                    expectingKey = true
                }
            } else if depth == 2, isArray, let key, lastKey == key {
                begin()
            }
        }

        private mutating func begin() {
            targetDepth = depth
            foundArray = true
            expectingElement = true
        }

        private mutating func stepInString(_ byte: UInt8) {
            if escaped {
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
                keyEscaped = true
            } else if byte == UInt8(ascii: "\"") {
                inString = false
                if readingKey {
                    lastKey = keyEscaped ? nil : keyBytes
                    expectingKey = false
                }
                readingKey = false
            } else if readingKey {
                keyBytes.append(byte)
            }
        }
    }
}
