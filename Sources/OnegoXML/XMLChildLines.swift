#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Where the children of a document's root with one name (a catalog's `<item>`s) lie, found by a scan of the bytes
/// that follows XML's markup (comments, CDATA sections, processing instructions, quoted attribute values) without
/// parsing: a cached load uses it to tell which items of an edited file are byte for byte those of its last parse.
///
/// A scan succeeds only for documents laid out one child per run of whole lines: each child starts on a line after
/// nothing but spaces or tabs and ends before nothing but spaces, tabs or a CR up to the line's LF. It fails (`nil`)
/// for anything it cannot vouch for: not UTF-8 (see ``XMLSplitPlan``), a document type declaration, a lone CR line
/// ending, another element among the root's children after the first one named `child`, or markup it cannot
/// follow to its end. A malformed document may still scan: the parse of what is kept then reports it.
public struct XMLChildLines: Sendable, Hashable {
    /// One child of the root.
    public struct Child: Sendable, Hashable {
        /// The byte offset of the child's first line (its indentation).
        public var lineStart: Int
        /// The byte offset just past the LF that ends the child's last line.
        public var lineEnd: Int
        /// The file's line of the child's start tag (1-based).
        public var line: Int
        /// The column of the child's `<`.
        public var column: Int
        /// The lines from `lineStart` to `lineEnd`.
        public var lineCount: Int
    }

    /// The byte offset where the first child's first line starts (the whole document when there is none): the XML
    /// declaration, the root's start tag and whatever comes before the first child.
    public var headEnd: Int
    /// The children in document order.
    public var children: [Child]

    /// Scans `bytes` for the root's children named `child` (in the root's prefix, if it has one).
    public static func scan(_ bytes: UnsafeBufferPointer<UInt8>, child: String) -> XMLChildLines? {
        guard let base = bytes.baseAddress, !hasLoneCarriageReturn(bytes),
            let (_, name, rootEnd) = XMLSplitPlan.rootStartTag(in: Array(bytes.prefix(1 << 16)))
        else { return nil }
        let prefix = name.firstIndex(of: UInt8(ascii: ":")).map { Array(name[...$0]) } ?? []
        var scanner = Scanner(base: base, count: bytes.count, childName: prefix + Array(child.utf8))
        return scanner.run(from: rootEnd)
    }

    /// Whether a CR is not followed by LF (a line ending the scan's line count would miss).
    static func hasLoneCarriageReturn(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var offset = 0
        while offset < bytes.count, let found = memchr(base + offset, 0x0D, bytes.count - offset) {
            let at = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
            if at + 1 >= bytes.count || base[at + 1] != 0x0A { return true }
            offset = at + 1
        }
        return false
    }
}

/// The state of one ``XMLChildLines/scan(_:child:)``.
private struct Scanner {
    let base: UnsafePointer<UInt8>
    let count: Int
    let childName: [UInt8]
    var children: [XMLChildLines.Child] = []
    /// Lines before `lineCounted` (the line of the byte at `lineCounted` is `line`).
    var line = 1
    var lineCounted = 0

    init(base: UnsafePointer<UInt8>, count: Int, childName: [UInt8]) {
        (self.base, self.count, self.childName) = (base, count, childName)
    }

    /// Walks the root's content from `start` (just past its start tag) to its end tag.
    mutating func run(from start: Int) -> XMLChildLines? {
        var depth = 1
        var at = start
        var childStart: Int?
        var headEnd: Int?
        while true {
            guard let open = find(0x3C, from: at), open + 1 < count else { return nil }
            let next = base[open + 1]
            if next == UInt8(ascii: "!") {
                guard let end = skipDeclaration(at: open) else { return nil }
                at = end
                continue
            }
            if next == UInt8(ascii: "?") {
                guard let end = search([0x3F, 0x3E], from: open + 2) else { return nil }
                at = end + 2
                continue
            }
            guard let close = tagEnd(from: open + 1) else { return nil }
            at = close + 1
            if next == UInt8(ascii: "/") {
                depth -= 1
                if depth == 0 { return XMLChildLines(headEnd: headEnd ?? open, children: children) }
                if depth == 1, let begin = childStart {
                    guard record(start: begin, end: at) else { return nil }
                    childStart = nil
                }
                continue
            }
            let selfClosing = base[close - 1] == UInt8(ascii: "/")
            if depth == 1 {
                guard isChild(at: open + 1) else {
                    // Another element among the root's children: only before the first child (it stays in the head).
                    guard children.isEmpty else { return nil }
                    if !selfClosing { depth += 1 }
                    continue
                }
                if headEnd == nil { headEnd = lineStart(before: open) }
                if selfClosing {
                    guard record(start: open, end: at) else { return nil }
                    continue
                }
                childStart = open
            }
            if !selfClosing { depth += 1 }
        }
    }

    /// Records the child whose `<` is at `start` and whose end tag ends before `end`, when it has its lines to
    /// itself.
    mutating func record(start: Int, end: Int) -> Bool {
        guard let first = lineStart(before: start) else { return false }
        var last = end
        while last < count, base[last] == 0x20 || base[last] == 0x09 || base[last] == 0x0D { last += 1 }
        guard last < count, base[last] == 0x0A else { return false }
        last += 1
        line += ByteScan.newlinesAndCharacters(from: base + lineCounted, to: base + first).newlines
        let lines = ByteScan.newlinesAndCharacters(from: base + first, to: base + last).newlines
        children.append(
            XMLChildLines.Child(
                lineStart: first, lineEnd: last, line: line, column: start - first + 1, lineCount: lines))
        line += lines
        lineCounted = last
        return true
    }

    /// The start of the line holding `offset` when only spaces and tabs come before it on that line.
    func lineStart(before offset: Int) -> Int? {
        var i = offset
        while i > 0, base[i - 1] == 0x20 || base[i - 1] == 0x09 { i -= 1 }
        return i == 0 || base[i - 1] == 0x0A ? i : nil
    }

    /// Whether the start tag whose name begins at `offset` names the child.
    func isChild(at offset: Int) -> Bool {
        let after = offset + childName.count
        guard after < count else { return false }
        for (i, byte) in childName.enumerated() where base[offset + i] != byte { return false }
        let next = base[after]
        return next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D || next == UInt8(ascii: ">")
            || next == UInt8(ascii: "/")
    }

    /// The offset of the `>` ending the tag whose name starts at `offset`, past quoted attribute values (each
    /// value skipped with one `memchr` for its closing quote: values are most of a catalog's tag bytes).
    func tagEnd(from offset: Int) -> Int? {
        var i = offset
        while i < count {
            let byte = base[i]
            if byte == 0x22 || byte == 0x27 {
                guard let close = find(byte, from: i + 1) else { return nil }
                i = close + 1
                continue
            }
            if byte == UInt8(ascii: ">") { return i }
            if byte == UInt8(ascii: "<") { return nil }
            i += 1
        }
        return nil
    }

    /// Past a comment or CDATA section starting at `open`; `nil` for any other `<!` (a document type declaration
    /// has no place in content).
    func skipDeclaration(at open: Int) -> Int? {
        func starts(_ text: String) -> Bool {
            let bytes = Array(text.utf8)
            guard open + bytes.count <= count else { return false }
            for (i, byte) in bytes.enumerated() where base[open + i] != byte { return false }
            return true
        }
        if starts("<!--") { return search(Array("-->".utf8), from: open + 4).map { $0 + 3 } }
        if starts("<![CDATA[") { return search(Array("]]>".utf8), from: open + 9).map { $0 + 3 } }
        return nil
    }

    /// The offset of the next `byte` at or after `offset`.
    func find(_ byte: UInt8, from offset: Int) -> Int? {
        guard offset < count, let found = memchr(base + offset, Int32(byte), count - offset) else { return nil }
        return UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
    }

    /// The offset of the next occurrence of `needle` at or after `offset`.
    func search(_ needle: [UInt8], from offset: Int) -> Int? {
        var at = offset
        while let first = find(needle[0], from: at) {
            guard first + needle.count <= count else { return nil }
            var matches = true
            for i in 1..<needle.count where base[first + i] != needle[i] {
                matches = false
                break
            }
            if matches { return first }
            at = first + 1
        }
        return nil
    }
}
