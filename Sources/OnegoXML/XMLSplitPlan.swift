#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// How to parse one large file as two documents, one per core: the file is cut at the start of a line that opens
/// a child of the root (`<item …>`) near the middle. The first part is the file up to the cut plus the root's end
/// tag; the second is a copy of the root's start tag, then the file from the cut. Both report the file's own lines.
///
/// The cut is found by looking at bytes, not by parsing, so it may land somewhere it does not separate two
/// children of the root (inside a comment, a CDATA section or a deeper element). The first part then cannot be
/// well-formed: it ends inside the comment or section, or its added end tag does not match the open element. A
/// caller accepts a split parse only when the first part parsed without errors, and parses the file whole
/// otherwise. Plans are only made for UTF-8 documents of XML 1.0 without a document type declaration.
public struct XMLSplitPlan: Sendable, Hashable {
    /// Where the bytes of a part come from.
    public enum Piece: Sendable, Hashable {
        /// Bytes the plan adds (the root's start or end tag).
        case bytes([UInt8])
        /// A byte range of the file.
        case file(Range<Int>)
    }

    /// One part: its pieces in order, and what to add to the line numbers it reports.
    public struct Part: Sendable, Hashable {
        /// The pieces, fed to the parser in order.
        public var pieces: [Piece]
        /// Added to every reported line.
        public var lineOffset: Int
        /// The file's line where the part's own bytes begin: anything the part reports before it concerns the
        /// bytes the plan added.
        public var firstFileLine: Int
    }

    /// The file.
    public let path: String
    /// The byte offset of the cut: the first byte of the line that opens the second part's first child.
    public let cut: Int
    /// The file's size.
    public let size: Int
    /// The root's start tag as written.
    public let rootStartTag: [UInt8]
    /// The root's qualified name.
    public let rootName: [UInt8]

    /// The file up to the cut, closed with the root's end tag.
    public var first: Part {
        Part(
            pieces: [.file(0..<cut), .bytes(Array("</".utf8) + rootName + Array(">".utf8))], lineOffset: 0,
            firstFileLine: 1)
    }

    /// The root's start tag, then the file from the cut. Reads the file up to the cut once to count its lines.
    public func second() -> Part? {
        guard let before = Self.newlines(in: path, upTo: cut) else { return nil }
        let startTagLines = rootStartTag.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        // The cut's byte is on line `before + 1` of the file and on line `startTagLines + 2` of the part.
        return Part(
            pieces: [.bytes(rootStartTag + [0x0A]), .file(cut..<size)], lineOffset: before - startTagLines - 1,
            firstFileLine: before + 1)
    }

    /// Plans a cut of the file at `path` before a line opening a child element named `child` (in the root's
    /// prefix, if it has one), or returns `nil` when the file does not lend itself to one.
    public static func make(path: String, child: String) -> XMLSplitPlan? {
        // O_NONBLOCK: never wait on a FIFO; only regular files are planned (checked below).
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(info.st_size)
        guard size > 1 << 16, let head = readBytes(fd, at: 0, count: 1 << 16),
            let (tag, name, tagEnd) = rootStartTag(in: head)
        else { return nil }
        let prefix = name.firstIndex(of: UInt8(ascii: ":")).map { Array(name[...$0]) } ?? []
        let opening = Array("<".utf8) + prefix + Array(child.utf8)
        let windowStart = max(tagEnd, size / 2)
        guard let window = readBytes(fd, at: windowStart, count: min(size - windowStart, 4 << 20)),
            let cut = lineOpening(opening, in: window).map({ windowStart + $0 })
        else { return nil }
        return XMLSplitPlan(path: path, cut: cut, size: size, rootStartTag: tag, rootName: name)
    }

    /// The root's start tag, its name and the offset just past it, after an optional UTF-8 byte order mark, an
    /// XML 1.0 declaration without a non-UTF-8 encoding, comments, processing instructions and white space.
    static func rootStartTag(in head: [UInt8]) -> (tag: [UInt8], name: [UInt8], end: Int)? {
        var i = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var first = true
        while true {
            while i < head.count, isSpace(head[i]) { i += 1 }
            guard i + 1 < head.count, head[i] == UInt8(ascii: "<") else { return nil }
            if head[i + 1] == UInt8(ascii: "?") {
                guard let end = find(Array("?>".utf8), in: head, from: i + 2) else { return nil }
                let instruction = Array(head[i..<end])
                if first && instruction.count > 5 && instruction.starts(with: Array("<?xml".utf8))
                    && isSpace(instruction[5])
                {
                    guard declarationAllowsSplit(instruction) else { return nil }
                }
                i = end + 2
            } else if head[i + 1] == UInt8(ascii: "!") {
                // Comments only: a document type declaration (rejected by the parser anyway) is not planned.
                guard head[i...].starts(with: Array("<!--".utf8)),
                    let end = find(Array("-->".utf8), in: head, from: i + 4)
                else { return nil }
                i = end + 3
            } else {
                var j = i + 1
                var quote: UInt8?
                while j < head.count {
                    let byte = head[j]
                    if let open = quote {
                        if byte == open { quote = nil }
                    } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                        quote = byte
                    } else if byte == UInt8(ascii: ">") {
                        break
                    }
                    j += 1
                }
                guard j < head.count, head[j - 1] != UInt8(ascii: "/") else { return nil }
                var k = i + 1
                while k < j, !isSpace(head[k]), head[k] != UInt8(ascii: ">"), head[k] != UInt8(ascii: "/") { k += 1 }
                guard k > i + 1 else { return nil }
                return (Array(head[i...j]), Array(head[(i + 1)..<k]), j + 1)
            }
            first = false
        }
    }

    /// Whether an XML declaration names version 1.0 and no encoding other than UTF-8.
    static func declarationAllowsSplit(_ declaration: [UInt8]) -> Bool {
        func value(of name: String) -> String? {
            let key = Array(name.utf8)
            guard let at = find(key, in: declaration, from: 0) else { return nil }
            var i = at + key.count
            while i < declaration.count, isSpace(declaration[i]) { i += 1 }
            guard i < declaration.count, declaration[i] == UInt8(ascii: "=") else { return nil }
            i += 1
            while i < declaration.count, isSpace(declaration[i]) { i += 1 }
            guard i < declaration.count, declaration[i] == UInt8(ascii: "\"") || declaration[i] == UInt8(ascii: "'")
            else { return nil }
            let quote = declaration[i]
            let rest = declaration[(i + 1)...]
            return String(decoding: rest.prefix { $0 != quote }, as: UTF8.self).lowercased()
        }
        if let version = value(of: "version"), version != "1.0" { return false }
        if let encoding = value(of: "encoding"), encoding != "utf-8", encoding != "utf8" { return false }
        return true
    }

    /// The offset in `window` of the first line whose first non-blank bytes open `opening` followed by white
    /// space, `>` or `/`.
    static func lineOpening(_ opening: [UInt8], in window: [UInt8]) -> Int? {
        var i = 0
        while let newline = window[i...].firstIndex(of: 0x0A) {
            let lineStart = newline + 1
            var j = lineStart
            while j < window.count, window[j] == 0x20 || window[j] == 0x09 || window[j] == 0x0D { j += 1 }
            let after = j + opening.count
            if after < window.count, window[j..<after].elementsEqual(opening) {
                let next = window[after]
                if isSpace(next) || next == UInt8(ascii: ">") || next == UInt8(ascii: "/") { return lineStart }
            }
            i = lineStart
        }
        return nil
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard start <= haystack.count - needle.count else { return nil }
        for i in start...(haystack.count - needle.count) where haystack[i..<(i + needle.count)].elementsEqual(needle) {
            return i
        }
        return nil
    }

    private static func readBytes(_ fd: Int32, at offset: Int, count: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return pread(fd, base + done, count - done, off_t(offset + done))
            }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return nil }
            done += n
        }
        return bytes
    }

    /// The newlines in the first `end` bytes of the file.
    static func newlines(in path: String, upTo end: Int) -> Int? {
        // O_NONBLOCK: never wait on a FIFO; only regular files are planned (checked below).
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        let capacity = 1 << 20
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        var offset = 0
        var count = 0
        while offset < end {
            let n = pread(fd, buffer, min(capacity, end - offset), off_t(offset))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return nil }
            count += ByteScan.newlinesAndCharacters(from: buffer, to: buffer + n).newlines
            offset += n
        }
        return count
    }
}
