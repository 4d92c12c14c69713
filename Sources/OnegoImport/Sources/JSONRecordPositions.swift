/// Where each record of a JSON array begins in the text (1-based line and column, columns counted in characters),
/// found by a scan of the bytes that follows strings, escapes and nesting. `JSONSerialization` gives no positions;
/// this lets diagnostics about a record name its place in the file.
enum JSONRecordPositions {
    /// A place in the text.
    struct Position: Hashable {
        var line: Int
        var column: Int
    }

    /// The start of each element of the array at `path`: the root array when `path` is empty, else the array
    /// reached from the root object through the members named in order; `nil` when the text has no such array
    /// (or a key on the path is written with escapes).
    static func starts(in bytes: UnsafeBufferPointer<UInt8>, path: [String]) -> [Position]? {
        var scanner = Scanner(path: path.map { Array($0.utf8) })
        for byte in bytes {
            scanner.step(byte)
            if scanner.isFinished { break }
        }
        return scanner.foundArray ? scanner.starts : nil
    }

    private struct Scanner {
        /// One open object or array: for objects, whether a key comes next and the last key read.
        struct Frame {
            var isArray: Bool
            var expectingKey: Bool
            var lastKey: [UInt8]?
        }

        let path: [[UInt8]]
        var starts: [Position] = []
        var foundArray = false
        var isFinished = false
        private var line = 1
        private var column = 0
        private var stack: [Frame] = []
        private var inString = false
        private var escaped = false
        /// The depth of the array whose elements are recorded, once entered.
        private var targetDepth: Int?
        private var expectingElement = false
        /// The key being read (a key written with escapes never matches).
        private var readingKey = false
        private var keyBytes: [UInt8] = []
        private var keyEscaped = false

        init(path: [[UInt8]]) { self.path = path }

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
            if expectingElement, stack.count == targetDepth, byte != UInt8(ascii: "]") {
                starts.append(Position(line: line, column: column))
                expectingElement = false
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
                readingKey = stack.last.map { !$0.isArray && $0.expectingKey } ?? false
                keyEscaped = false
                keyBytes.removeAll(keepingCapacity: true)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isArray = byte == UInt8(ascii: "[")
                stack.append(Frame(isArray: isArray, expectingKey: !isArray))
                if targetDepth == nil, isArray, isOnPath { begin() }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if stack.count == targetDepth { isFinished = true }
                stack.removeLast()
            case UInt8(ascii: ","):
                if stack.count == targetDepth { expectingElement = true }
                if let last = stack.indices.last, !stack[last].isArray { stack[last].expectingKey = true }
            default: break
            }
        }

        /// Whether the array just opened is the one at `path`: every frame below it an object whose last key is
        /// the path's member at that depth.
        private var isOnPath: Bool {
            guard stack.count == path.count + 1 else { return false }
            return path.indices.allSatisfy { !stack[$0].isArray && stack[$0].lastKey == path[$0] }
        }

        private mutating func begin() {
            targetDepth = stack.count
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
                if readingKey, let last = stack.indices.last {
                    stack[last].lastKey = keyEscaped ? nil : keyBytes
                    stack[last].expectingKey = false
                }
                readingKey = false
            } else if readingKey {
                keyBytes.append(byte)
            }
        }
    }
}
