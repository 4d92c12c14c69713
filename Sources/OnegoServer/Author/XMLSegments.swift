/// One element of an XML document as written: the text before it (whitespace, comments, processing instructions),
/// its exact text, and its parts. The matter author uses it to keep what it did not change byte for byte.
struct XMLSegment: Sendable, Equatable {
    /// Whitespace, comments and processing instructions between the previous sibling (or the parent's start tag)
    /// and this element.
    var leading: String
    /// The element's name as written (with its prefix, if any).
    var name: String
    /// The attributes, in document order, with entity references left as written.
    var attributes: [(name: String, value: String)]
    /// The whole element, from `<` to the end of its end tag (or of its empty-element tag).
    var text: String
    /// The start tag (the whole tag when the element is empty-element `<a/>`).
    var startTag: String
    /// What lies between the start and the end tag; nil for an empty-element tag.
    var inner: String?
    /// The end tag; empty for an empty-element tag.
    var endTag: String

    static func == (lhs: XMLSegment, rhs: XMLSegment) -> Bool { lhs.text == rhs.text && lhs.leading == rhs.leading }

    /// The value of an attribute as written.
    func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
}

/// The content of an element (or the document) that holds only elements, whitespace, comments and processing
/// instructions: its child elements and the text after the last one.
struct XMLElementContent: Sendable {
    var children: [XMLSegment]
    /// Whitespace and comments after the last child.
    var trailing: String

    /// Splits element-only content; nil when it has character data or CDATA (text content is compared whole).
    /// Expects well-formed XML (the matter loader has checked it).
    init?(_ text: String) {
        var scanner = XMLSegmentScanner(bytes: Array(text.utf8))
        var children: [XMLSegment] = []
        var leading = ""
        while let piece = scanner.next() {
            switch piece {
            case .trivia(let text): leading += text
            case .element(var segment):
                segment.leading = leading
                leading = ""
                children.append(segment)
            case .characterData: return nil
            }
        }
        guard !scanner.failed else { return nil }
        self.children = children
        trailing = leading
    }
}

/// Reads the top level of element-only XML: trivia, whole elements (with their nested content skipped by depth),
/// or character data.
struct XMLSegmentScanner {
    enum Piece {
        case trivia(String)
        case element(XMLSegment)
        case characterData
    }

    let bytes: [UInt8]
    var position = 0
    var failed = false

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func next() -> Piece? {
        guard position < bytes.count, !failed else { return nil }
        let start = position
        guard bytes[position] == UInt8(ascii: "<") else {
            while position < bytes.count, bytes[position] != UInt8(ascii: "<") { position += 1 }
            let text = string(start, position)
            return text.allSatisfy(\.isWhitespace) ? .trivia(text) : .characterData
        }
        if has("<![CDATA[") { return .characterData }
        if has("<!--") { return trivia(from: start, past: "-->") }
        if has("<?") { return trivia(from: start, past: "?>") }
        if has("<!") { return trivia(from: start, past: ">") }
        if has("</") {
            failed = true
            return nil
        }
        return element(from: start).map(Piece.element)
    }

    private mutating func element(from start: Int) -> XMLSegment? {
        guard let (name, attributes, isEmpty) = startTag() else { return fail() }
        let opening = string(start, position)
        guard !isEmpty else {
            return XMLSegment(
                leading: "", name: name, attributes: attributes, text: opening, startTag: opening, inner: nil,
                endTag: "")
        }
        let innerStart = position
        var depth = 1
        var innerEnd = position
        while depth > 0 {
            guard position < bytes.count else { return fail() }
            if bytes[position] != UInt8(ascii: "<") {
                position += 1
            } else if has("<!--") {
                guard skip(past: "-->") else { return fail() }
            } else if has("<![CDATA[") {
                guard skip(past: "]]>") else { return fail() }
            } else if has("<?") {
                guard skip(past: "?>") else { return fail() }
            } else if has("</") {
                innerEnd = position
                guard skip(past: ">") else { return fail() }
                depth -= 1
            } else {
                guard let (_, _, empty) = startTag() else { return fail() }
                if !empty { depth += 1 }
            }
        }
        return XMLSegment(
            leading: "", name: name, attributes: attributes, text: string(start, position), startTag: opening,
            inner: string(innerStart, innerEnd), endTag: string(innerEnd, position))
    }

    /// Reads a start tag at `position` (quote-aware), leaving `position` after its `>`.
    private mutating func startTag() -> (String, [(name: String, value: String)], Bool)? {
        position += 1
        let nameStart = position
        while position < bytes.count, !isSpace(bytes[position]), bytes[position] != UInt8(ascii: "/"),
            bytes[position] != UInt8(ascii: ">")
        {
            position += 1
        }
        let name = string(nameStart, position)
        var attributes: [(name: String, value: String)] = []
        while position < bytes.count {
            let byte = bytes[position]
            if isSpace(byte) {
                position += 1
            } else if byte == UInt8(ascii: ">") {
                position += 1
                return (name, attributes, false)
            } else if byte == UInt8(ascii: "/") {
                guard skip(past: ">") else { return nil }
                return (name, attributes, true)
            } else {
                let attributeStart = position
                while position < bytes.count, bytes[position] != UInt8(ascii: "="), !isSpace(bytes[position]) {
                    position += 1
                }
                let attribute = string(attributeStart, position)
                while position < bytes.count, bytes[position] != UInt8(ascii: "\""),
                    bytes[position] != UInt8(ascii: "'")
                {
                    position += 1
                }
                guard position < bytes.count else { return nil }
                let quote = bytes[position]
                position += 1
                let valueStart = position
                while position < bytes.count, bytes[position] != quote { position += 1 }
                guard position < bytes.count else { return nil }
                attributes.append((attribute, string(valueStart, position)))
                position += 1
            }
        }
        return nil
    }

    /// A comment, processing instruction or declaration (`<!DOCTYPE …>`) that starts at `start`.
    private mutating func trivia(from start: Int, past terminator: StaticString) -> Piece? {
        guard skip(past: terminator) else {
            failed = true
            return nil
        }
        return .trivia(string(start, position))
    }

    private func has(_ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        return prefix.withUTF8Buffer { buffer in
            (0..<count).allSatisfy { bytes[position + $0] == buffer[$0] }
        }
    }

    /// Moves past the next occurrence of `terminator`; false (at the end) when there is none.
    private mutating func skip(past terminator: StaticString) -> Bool {
        while position < bytes.count {
            if has(terminator) {
                position += terminator.utf8CodeUnitCount
                return true
            }
            position += 1
        }
        return false
    }

    private mutating func fail() -> XMLSegment? {
        failed = true
        return nil
    }

    private func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    private func string(_ from: Int, _ to: Int) -> String { String(decoding: bytes[from..<to], as: UTF8.self) }
}
