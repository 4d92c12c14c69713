internal import CByteScan

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Screens a document's raw bytes before libxml2 sees them, one pass per chunk, for what libxml2 2.9 handles in
/// quadratic time or reports badly:
///
/// - start tags with more than ``XMLLimits/maxAttributes`` attributes (libxml2 checks every attribute against every
///   earlier one: 400,000 attributes took 48 s) or longer than ``XMLLimits/maxStartTagBytes``;
///
/// The scan follows markup, not content: text, attribute values and end tags are skipped by byte-mask scans, names and
/// the bytes between attributes in tight runs; only the characters that change the state step the state machine. UTF-16 and UTF-32 documents are screened per code unit.
struct XMLInputScreen {
    /// A limit a start tag broke: where its `<` is (a byte offset in the whole document) and which limit.
    struct Violation: Equatable {
        enum Kind {
            case tooManyAttributes
            case startTagTooLong
        }

        var kind: Kind
        /// The byte offset of the tag's `<` in the document.
        var offset: Int
        /// The element's name as written (at most 64 characters), for the message.
        var element: String
    }

    private enum State {
        case text
        /// Just after `<`.
        case markup
        /// In a start tag's name.
        case tagName
        /// In a start tag, outside attribute values.
        case tag
        /// In an attribute value opened by `quote`.
        case value(quote: UInt32)
        /// After `<!`: the characters seen so far decide between a comment, a CDATA section and a declaration.
        case bang
        /// In a comment; `dashes` ending the text so far.
        case comment(dashes: Int)
        /// In a CDATA section; `brackets` ending the text so far.
        case cdata(brackets: Int)
        /// In a processing instruction; whether the last character was `?`.
        case instruction(question: Bool)
        /// In an end tag or a declaration, up to `>` (`depth` counts `[` of a DOCTYPE's internal subset).
        case skip(depth: Int)
    }

    private static let commentOpening: [UInt32] = [0x2D, 0x2D]
    private static let cdataOpening: [UInt32] = [0x5B, 0x43, 0x44, 0x41, 0x54, 0x41, 0x5B]

    let maxAttributes: Int
    let maxStartTagBytes: Int
    /// Whether short tags are confirmed whole (``skipConfirmed(_:from:count:)``); off only in tests that compare the
    /// shortcut with stepping through every tag.
    var confirmsShortTags = true
    private var state = State.text
    /// Bytes per code unit (1 for UTF-8 and other ASCII-compatible encodings, 2 for UTF-16, 4 for UTF-32), known
    /// after the first bytes.
    private var unitWidth = 0
    private var bigEndian = false
    /// Bytes of a code unit split across chunks.
    private var partial: [UInt8] = []
    /// The document offset of the next chunk's first byte.
    private var consumed = 0
    private var tagStart = 0
    private var attributes = 0
    private var name: [UInt32] = []

    init(limits: XMLLimits) {
        maxAttributes = limits.maxAttributes
        maxStartTagBytes = limits.maxStartTagBytes
    }

    /// The bytes per code unit, once known (1, 2 or 4), else 0.
    var codeUnitWidth: Int { unitWidth }

    /// Screens the next chunk; returns the first violation, or `nil`.
    mutating func screen(_ chunk: UnsafeBufferPointer<UInt8>) -> Violation? {
        guard let base = chunk.baseAddress, chunk.count > 0 else { return nil }
        defer { consumed += chunk.count }
        if unitWidth == 0 { detectWidth(chunk) }
        if unitWidth == 1 { return screenBytes(base, chunk.count) }
        return screenUnits(chunk)
    }

    // MARK: Encoding

    private mutating func detectWidth(_ chunk: UnsafeBufferPointer<UInt8>) {
        let b = Array(chunk.prefix(4)) + [UInt8](repeating: 0xAA, count: max(0, 4 - chunk.count))
        switch (b[0], b[1], b[2], b[3]) {
        case (0x00, 0x00, 0xFE, 0xFF), (0x00, 0x00, 0x00, 0x3C): (unitWidth, bigEndian) = (4, true)
        case (0xFF, 0xFE, 0x00, 0x00), (0x3C, 0x00, 0x00, 0x00): (unitWidth, bigEndian) = (4, false)
        case (0xFE, 0xFF, _, _), (0x00, 0x3C, _, _): (unitWidth, bigEndian) = (2, true)
        case (0xFF, 0xFE, _, _), (0x3C, 0x00, _, _): (unitWidth, bigEndian) = (2, false)
        default: unitWidth = 1
        }
    }

    // MARK: Scanning

    /// ASCII-compatible input: skips text, values and end tags with `memchr`, steps through the rest.
    private mutating func screenBytes(_ base: UnsafePointer<UInt8>, _ count: Int) -> Violation? {
        var index = 0
        while index < count {
            switch state {
            case .text:
                if confirmsShortTags {
                    // Most tags are short and plain: confirm them whole, without the state machine.
                    index = skipConfirmed(base, from: index, count: count)
                    if index == count { return nil }
                } else {
                    guard let hit = memchr(base + index, 0x3C, count - index) else { return nil }
                    index = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                }
            case .value(let quote):
                guard let hit = memchr(base + index, Int32(quote), count - index) else {
                    return checkLength(at: consumed + count)
                }
                index = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            case .skip(depth: 0):
                guard let hit = memchr(base + index, 0x3E, count - index) else { return nil }
                index = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            case .tagName:
                // The rest of the name in one run (kept for messages only, 64 characters at most).
                let start = index
                while index < count, !Self.endsTagName(base[index]) { index += 1 }
                for k in start..<min(index, start + max(0, 64 - name.count)) { name.append(UInt32(base[k])) }
                if index == count { return checkLength(at: consumed + count) }
            case .tag:
                // Attribute names, `=` and spaces change nothing: run to the next quote, `>` or `<`.
                while index < count, !Self.breaksTag(base[index]) { index += 1 }
                if index == count { return checkLength(at: consumed + count) }
            default:
                break
            }
            if let violation = step(UInt32(base[index]), at: consumed + index) { return violation }
            index += 1
        }
        return checkLength(at: consumed + count)
    }

    /// The most bytes a tag is looked at by ``skipConfirmed(_:from:count:)`` before the state machine takes over.
    static let shortTagWindow = 4096

    /// The index of the first `<` from `index` whose tag is not confirmed whole, or `count` when no `<` is left:
    /// the text and every short, plain tag before it are skipped as stepping through them would (in the text state,
    /// breaking no limit). The scan is C (`onego_screen_text`, SSE2 byte masks), one call per run of confirmed tags.
    ///
    /// An end tag runs to its first `>`. A start tag qualifies when it ends within ``shortTagWindow`` bytes of this
    /// chunk, holds no `'` and no `<` after its `<` (either could change how its quotes pair up), and its `"` pair up
    /// so that its `>` stands outside a value: an even count of `"` before a `>` means that `>` ends the tag. Its
    /// attributes are the pairs of `"`, so both limits are checked exactly. Comments, CDATA sections, processing
    /// instructions and declarations are left to the state machine.
    @inline(__always)
    func skipConfirmed(_ base: UnsafePointer<UInt8>, from index: Int, count: Int) -> Int {
        Int(
            onego_screen_text(
                base, index, count, Self.shortTagWindow, max(0, maxAttributes), max(0, maxStartTagBytes)))
    }

    /// Whether `byte` ends a start tag's name (the characters ``step(_:at:)`` acts on in `.tagName`).
    @inline(__always)
    private static func endsTagName(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0D, 0x2F, 0x3E, 0x3C: true
        default: false
        }
    }

    /// Whether `byte` is one ``step(_:at:)`` acts on in `.tag`: a quote, `>` or `<`.
    @inline(__always)
    private static func breaksTag(_ byte: UInt8) -> Bool {
        byte == 0x22 || byte == 0x27 || byte == 0x3E || byte == 0x3C
    }

    /// UTF-16 or UTF-32 input, one code unit at a time.
    private mutating func screenUnits(_ chunk: UnsafeBufferPointer<UInt8>) -> Violation? {
        var bytes = partial
        bytes.append(contentsOf: chunk)
        let usable = bytes.count - bytes.count % unitWidth
        let first = consumed - partial.count
        partial = Array(bytes[usable...])
        var index = 0
        while index < usable {
            var unit: UInt32 = 0
            for k in 0..<unitWidth {
                let byte = UInt32(bytes[index + (bigEndian ? k : unitWidth - 1 - k)])
                unit = unit << 8 | byte
            }
            if let violation = step(unit, at: first + index) { return violation }
            index += unitWidth
        }
        return checkLength(at: first + usable)
    }

    private func checkLength(at offset: Int) -> Violation? {
        switch state {
        case .tagName, .tag, .value:
            if offset - tagStart > maxStartTagBytes {
                return Violation(kind: .startTagTooLong, offset: tagStart, element: elementName)
            }
        default:
            break
        }
        return nil
    }

    private var elementName: String {
        String(String.UnicodeScalarView(name.compactMap(Unicode.Scalar.init)))
    }

    /// Advances the state machine by one character (a byte of an ASCII-compatible encoding, or a code unit).
    private mutating func step(_ c: UInt32, at offset: Int) -> Violation? {
        switch state {
        case .text:
            if c == 0x3C {
                tagStart = offset
                state = .markup
            }
        case .markup:
            switch c {
            case 0x2F: state = .skip(depth: 0)
            case 0x3F: state = .instruction(question: false)
            case 0x21:
                name.removeAll(keepingCapacity: true)
                state = .bang
            case 0x3C: tagStart = offset
            default:
                attributes = 0
                name.removeAll(keepingCapacity: true)
                name.append(c)
                state = .tagName
            }
        case .tagName:
            switch c {
            case 0x20, 0x09, 0x0A, 0x0D, 0x2F: state = .tag
            case 0x3E: state = .text
            case 0x3C:
                tagStart = offset
                state = .markup
            default:
                if name.count < 64 { name.append(c) }
            }
        case .tag:
            return stepInTag(c, at: offset)
        case .value(let quote):
            if c == quote {
                if offset - tagStart > maxStartTagBytes {
                    return Violation(kind: .startTagTooLong, offset: tagStart, element: elementName)
                }
                state = .tag
            }
        case .bang:
            stepAfterBang(c)
        case .comment(let dashes):
            state = c == 0x3E && dashes >= 2 ? .text : .comment(dashes: c == 0x2D ? dashes + 1 : 0)
        case .cdata(let brackets):
            state = c == 0x3E && brackets >= 2 ? .text : .cdata(brackets: c == 0x5D ? brackets + 1 : 0)
        case .instruction(let question):
            state = c == 0x3E && question ? .text : .instruction(question: c == 0x3F)
        case .skip(let depth):
            switch c {
            case 0x5B: state = .skip(depth: depth + 1)
            case 0x5D: state = .skip(depth: max(0, depth - 1))
            case 0x3E where depth == 0: state = .text
            default: break
            }
        }
        return nil
    }

    /// One character in a start tag, outside values: a quote opens a value (an attribute), `>` ends the tag.
    private mutating func stepInTag(_ c: UInt32, at offset: Int) -> Violation? {
        switch c {
        case 0x22, 0x27:
            attributes += 1
            if attributes > maxAttributes {
                return Violation(kind: .tooManyAttributes, offset: tagStart, element: elementName)
            }
            state = .value(quote: c)
        case 0x3E:
            if offset - tagStart > maxStartTagBytes {
                return Violation(kind: .startTagTooLong, offset: tagStart, element: elementName)
            }
            state = .text
        case 0x3C:
            // Malformed (libxml2 will say so); follow the new tag.
            tagStart = offset
            state = .markup
        default:
            break
        }
        return nil
    }

    /// One character after `<!`: `name` collects them until they read `--`, `[CDATA[` or neither.
    private mutating func stepAfterBang(_ c: UInt32) {
        name.append(c)
        if name == Self.commentOpening {
            state = .comment(dashes: 0)
        } else if name == Self.cdataOpening {
            state = .cdata(brackets: 0)
        } else if !Self.commentOpening.starts(with: name) && !Self.cdataOpening.starts(with: name) {
            state = c == 0x3E ? .text : .skip(depth: name.count { $0 == 0x5B })
        }
    }
}
