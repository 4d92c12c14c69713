/// Finds the part of the author's form a problem of a draft concerns, from the problem's place in the text the
/// draft saves as: the element at that line and column, and its ancestors, name a stable field path.
///
/// | path | field of the author page |
/// |---|---|
/// | `basics`, `basics/name`, `basics/summary`, `basics/lead`, `basics/cooperating`, `basics/limit` | 基本信息 |
/// | `members`, `members/ID` | a member (by its id) |
/// | `questions`, `questions/Q` | a question (by its id), its text, hint and follow-up condition |
/// | `questions/Q/answers/V`, `questions/Q/thresholds/N` | an answer (by its value), a threshold (from 0) |
/// | `questions/Q/answers/V/effects/N`, `questions/Q/thresholds/N/effects/N` | one effect (from 0), e.g. an exclusion |
/// | `stages/N`, `sharedForm/ID`, `jointForm`, `jointForm/replaces/N`, `intake` | the other sections |
struct DraftFieldLocator {
    /// One start tag of the text: its name, attributes, where it begins, its parent and its place among the
    /// parent's children of the same kind.
    struct Element {
        var name: String
        var attributes: [String: String]
        var line: Int
        var column: Int
        var parent: Int?
        var index: Int
    }

    private(set) var elements: [Element] = []

    /// Reads the start tags of `text` (well formed or not: the scan stops where the text stops making sense).
    init(text: String) {
        var scanner = StartTagScanner(bytes: Array(text.utf8))
        var stack: [Int] = []
        var counts: [[String: Int]] = [[:]]
        while let event = scanner.next() {
            switch event {
            case .start(let name, let attributes, let line, let column, let isEmpty):
                let kind = Self.effectNames.contains(name) ? "effect" : name
                let index = counts[counts.count - 1][kind, default: 0]
                counts[counts.count - 1][kind] = index + 1
                elements.append(
                    Element(
                        name: name, attributes: attributes, line: line, column: column, parent: stack.last,
                        index: index))
                if !isEmpty {
                    stack.append(elements.count - 1)
                    counts.append([:])
                }
            case .end:
                if !stack.isEmpty {
                    stack.removeLast()
                    counts.removeLast()
                }
            }
        }
    }

    static let effectNames: Set<String> = ["includeMember", "excludeMember", "excludeMaterial", "addMaterial"]

    /// The field path of the element that begins last at or before `line`:`column` (column 0 counts as the end
    /// of the line's first tag); nil when the place is before the root element.
    func path(line: Int, column: Int) -> String? {
        var found: Int?
        for (index, element) in elements.enumerated() {
            if element.line < line || (element.line == line && (column == 0 || element.column <= column)) {
                found = index
                if column == 0 && element.line == line { break }
            } else {
                break
            }
        }
        return found.map(path(of:))
    }

    /// The field path of element `index` (see the type's table).
    func path(of index: Int) -> String {
        var chain: [Element] = []
        var next: Int? = index
        while let current = next {
            chain.insert(elements[current], at: 0)
            next = elements[current].parent
        }
        var parts: [String] = []
        for element in chain.dropFirst() {
            guard let part = Self.part(element, after: parts) else { break }
            parts += part
        }
        return parts.isEmpty ? "basics" : parts.joined(separator: "/")
    }

    /// The path components an element adds below `parts`, or nil when it adds nothing more precise.
    static func part(_ element: Element, after parts: [String]) -> [String]? {
        let id = element.attributes["id"] ?? ""
        switch (parts.first, parts.count, element.name) {
        case (nil, 0, "name"): return ["basics", "name"]
        case (nil, 0, "description"): return ["basics", "summary"]
        case (nil, 0, "leadDepartment"): return ["basics", "lead"]
        case (nil, 0, "cooperatingDepartment"): return ["basics", "cooperating"]
        case (nil, 0, "promisedLimit"): return ["basics", "limit"]
        case (nil, 0, "members"), (nil, 0, "questions"), (nil, 0, "jointForm"), (nil, 0, "intake"):
            return [element.name]
        case (nil, 0, "stages"), (nil, 0, "sharedForm"): return [element.name]
        case ("members", 1, "member"), ("questions", 1, "question"), ("sharedForm", 1, "field"): return [id]
        case ("stages", 1, "stage"), ("jointForm", 1, "replaces"):
            return element.name == "replaces" ? ["replaces", String(element.index)] : [String(element.index)]
        case ("questions", 2, "answer"): return ["answers", element.attributes["value"] ?? ""]
        case ("questions", 2, "threshold"): return ["thresholds", String(element.index)]
        case ("questions", 4, let name) where effectNames.contains(name): return ["effects", String(element.index)]
        default: return nil
        }
    }
}

/// The start and end tags of XML text, with the line and column (from 1, in characters) where each start tag
/// begins; comments, processing instructions, declarations and CDATA are skipped.
struct StartTagScanner {
    enum Event {
        case start(name: String, attributes: [String: String], line: Int, column: Int, isEmpty: Bool)
        case end
    }

    let bytes: [UInt8]
    var position = 0
    var line = 1
    var column = 1

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func next() -> Event? {
        while position < bytes.count {
            guard bytes[position] == UInt8(ascii: "<") else {
                advance()
                continue
            }
            if has("<!--") {
                skip(past: "-->")
            } else if has("<![CDATA[") {
                skip(past: "]]>")
            } else if has("<?") || has("<!") {
                skip(past: ">")
            } else if has("</") {
                skip(past: ">")
                return .end
            } else {
                return startTag()
            }
        }
        return nil
    }

    mutating func startTag() -> Event? {
        let (startLine, startColumn) = (line, column)
        advance()
        let name = word()
        var attributes: [String: String] = [:]
        while position < bytes.count {
            skipSpaces()
            guard position < bytes.count else { return nil }
            if has("/>") {
                advance(2)
                return .start(name: name, attributes: attributes, line: startLine, column: startColumn, isEmpty: true)
            }
            if bytes[position] == UInt8(ascii: ">") {
                advance()
                return .start(name: name, attributes: attributes, line: startLine, column: startColumn, isEmpty: false)
            }
            let key = word()
            skipSpaces()
            guard !key.isEmpty, position < bytes.count, bytes[position] == UInt8(ascii: "=") else { return nil }
            advance()
            skipSpaces()
            guard position < bytes.count else { return nil }
            let quote = bytes[position]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
            advance()
            let start = position
            while position < bytes.count, bytes[position] != quote { advance() }
            attributes[key] = Self.unescape(String(decoding: bytes[start..<position], as: UTF8.self))
            advance()
        }
        return nil
    }

    /// Replaces the predefined entities and character references of an attribute value.
    static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&"), let semi = rest[amp...].firstIndex(of: ";") {
            out += rest[..<amp]
            let entity = rest[rest.index(after: amp)..<semi]
            switch entity {
            case "amp": out += "&"
            case "lt": out += "<"
            case "gt": out += ">"
            case "quot": out += "\""
            case "apos": out += "'"
            default:
                let hex = entity.hasPrefix("#x")
                let digits = entity.dropFirst(hex ? 2 : 1)
                if entity.hasPrefix("#"), let value = UInt32(digits, radix: hex ? 16 : 10),
                    let scalar = Unicode.Scalar(value)
                {
                    out.unicodeScalars.append(scalar)
                } else {
                    out += "&" + entity + ";"
                }
            }
            rest = rest[rest.index(after: semi)...]
        }
        return out + rest
    }

    func has(_ literal: String) -> Bool {
        let utf8 = Array(literal.utf8)
        return bytes.count - position >= utf8.count && Array(bytes[position..<position + utf8.count]) == utf8
    }

    mutating func word() -> String {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t")
                || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "=") || byte == UInt8(ascii: ">")
                || byte == UInt8(ascii: "/")
            {
                break
            }
            advance()
        }
        let name = String(decoding: bytes[start..<position], as: UTF8.self)
        return name.split(separator: ":").last.map(String.init) ?? name
    }

    mutating func skipSpaces() {
        while position < bytes.count, [UInt8(ascii: " "), 10, 9, 13].contains(bytes[position]) { advance() }
    }

    mutating func skip(past literal: String) {
        while position < bytes.count, !has(literal) { advance() }
        advance(literal.utf8.count)
    }

    /// Moves on `count` bytes, counting lines, and columns in characters (UTF-8 continuation bytes do not count).
    mutating func advance(_ count: Int = 1) {
        for _ in 0..<count where position < bytes.count {
            let byte = bytes[position]
            if byte == 10 {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            position += 1
        }
    }
}
