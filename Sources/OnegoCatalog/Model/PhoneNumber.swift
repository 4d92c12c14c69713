import Foundation

/// One telephone number parsed from published text (the normalised list beside the text a catalog publishes): "020-38356454转1", "（0662）3681111", "(8620) 81218888", "12345".
public struct PhoneNumber: Sendable, Hashable, Codable {
    /// The number with area code, as digits and one hyphen after the area code (`020-38356454`), or the hotline.
    public var number: String
    /// The extension, when given (转, -, ext, 分机).
    public var extensionNumber: String?
    /// Whether it is a national service hotline (12345, 12333 …), which needs no area code.
    public var isHotline: Bool

    /// Creates a phone number.
    public init(number: String, extensionNumber: String? = nil, isHotline: Bool = false) {
        self.number = number
        self.extensionNumber = extensionNumber
        self.isHotline = isHotline
    }

    /// The national hotlines: government service, human resources, tax, immigration, legal aid, power, market
    /// regulation, health, housing fund … (DOMAIN.md §10).
    public static let nationalHotlines: Set<String> = [
        "12345", "12333", "12366", "12367", "12348", "95598", "12315", "12320", "12329", "12369", "12319", "12350",
        "12358", "12388", "12338", "12339", "12355", "12351", "12360", "12361", "12368",
    ]

    /// The text written into the catalog's phone attribute (pattern `[0-9+\-() ]`): `020-38356454-1`.
    public var catalogText: String {
        extensionNumber.map { number + "-" + $0 } ?? number
    }

    /// Parses every number in `text`, splitting on 、，；,;/ and spaces between numbers. Returns the numbers and the
    /// pieces that are not numbers.
    public static func parseList(_ text: String) -> (numbers: [PhoneNumber], rest: [String]) {
        var numbers: [PhoneNumber] = []
        var rest: [String] = []
        let normalised = text.map { halfWidth($0) }.reduce(into: "") { $0.append($1) }
        let separators: Set<Character> = ["、", "，", "；", ",", ";", "/", "或", "\n"]
        // Separators inside brackets belong to a note ("(工作日9:00-12:00，14:00-17:00)"), not between numbers.
        var depth = 0
        let pieces = normalised.split { character in
            if character == "(" { depth += 1 } else if character == ")" { depth = max(0, depth - 1) }
            return depth == 0 && separators.contains(character)
        }
        for piece in pieces {
            let trimmed = piece.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            if let number = parse(trimmed) {
                numbers.append(number)
            } else if let (number, note) = numberWithNote(trimmed) {
                // "020-12345678(工作日9:00-17:00)": the number, and the note as rest.
                numbers.append(number)
                if !note.isEmpty { rest.append(note) }
            } else {
                // "020-84469270 020-84469702": numbers separated by spaces.
                let parts = trimmed.split(separator: " ").map(String.init)
                let parsed = parts.compactMap { parse($0) }
                if parts.count > 1 && parsed.count == parts.count {
                    numbers += parsed
                } else {
                    rest.append(trimmed)
                }
            }
        }
        var seen: Set<PhoneNumber> = []
        return (numbers.filter { seen.insert($0).inserted }, rest)
    }

    /// A number followed by a note in brackets ("020-12345678(工作日9:00-17:00)"), when the text before the brackets
    /// is a number; an extension in brackets ("(转801)") is the number's extension, and brackets holding only digits
    /// (an area code written after the number) are not a note.
    private static func numberWithNote(_ text: String) -> (PhoneNumber, String)? {
        guard text.last == ")", let open = text.lastIndex(of: "("), open > text.startIndex else { return nil }
        let head = String(text[..<open]).trimmingCharacters(in: .whitespaces)
        let inner = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
        if inner.allSatisfy({ $0.isNumber || $0 == "-" || $0 == " " }) { return nil }
        if ["转", "分机", "ext"].contains(where: { inner.hasPrefix($0) }) {
            return parse(head + inner).map { ($0, "") }
        }
        guard let number = parse(head) else { return nil }
        return (number, String(text[open...]))
    }

    /// Parses one number; `nil` when the text is not a phone number.
    public static func parse(_ text: String) -> PhoneNumber? {
        var body = text.map { halfWidth($0) }.reduce(into: "") { $0.append($1) }
        // A leading label: "咨询电话：020-…".
        if let colon = body.lastIndex(where: { $0 == ":" }) { body = String(body[body.index(after: colon)...]) }
        body = body.trimmingCharacters(in: .whitespaces)
        var extensionNumber: String?
        for marker in ["转", "分机", "ext.", "ext", "EXT", "x"] {
            if let range = body.range(of: marker) {
                let tail = body[range.upperBound...].filter(\.isASCII).filter(\.isNumber)
                guard !tail.isEmpty else { return nil }
                extensionNumber = String(tail)
                body = String(body[..<range.lowerBound])
                break
            }
        }
        body = body.trimmingCharacters(in: .whitespaces)
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isNumber || "-() +".contains($0)) }) else {
            return nil
        }
        var area: String?
        var local = body
        if body.hasPrefix("("), let close = body.firstIndex(of: ")") {
            area = String(body[body.index(after: body.startIndex)..<close]).filter(\.isNumber)
            local = String(body[body.index(after: close)...])
        } else if body.hasPrefix("+86") {
            local = String(body.dropFirst(3))
        }
        let groups = local.split(whereSeparator: { $0 == "-" || $0 == " " }).map(String.init)
        guard !groups.isEmpty, groups.allSatisfy({ $0.allSatisfy(\.isNumber) }) else { return nil }
        var digits: String
        if area == nil, groups.count >= 2, groups[0].hasPrefix("0") || groups[0].hasPrefix("86") {
            area = groups[0]
            digits = groups[1]
            if groups.count == 3, extensionNumber == nil { extensionNumber = groups[2] }
            if groups.count > 3 { return nil }
        } else {
            digits = groups.joined()
        }
        if var code = area {
            // "(8620) 81218888": country code 86 then the area code without its 0.
            if code.hasPrefix("86") && code.count > 3 { code = "0" + code.dropFirst(2) }
            area = code
        }
        if area == nil && nationalHotlines.contains(digits) {
            return PhoneNumber(number: digits, extensionNumber: extensionNumber, isHotline: true)
        }
        if let area, nationalHotlines.contains(digits) {
            // "020-12345": a hotline written with the city's area code reaches the same line.
            _ = area
            return PhoneNumber(number: digits, extensionNumber: extensionNumber, isHotline: true)
        }
        if let area {
            guard (3...4).contains(area.count), (7...8).contains(digits.count) else { return nil }
            return PhoneNumber(number: area + "-" + digits, extensionNumber: extensionNumber)
        }
        // A mobile number, a hotline not in the list, or a local number without area code.
        guard (5...12).contains(digits.count) else { return nil }
        return PhoneNumber(number: digits, extensionNumber: extensionNumber)
    }

    /// Whether the number carries an area code or needs none (national hotline, mobile, 400/800 number).
    public var hasAreaCodeOrNeedsNone: Bool {
        if isHotline || number.contains("-") { return true }
        if number.count == 11 && number.hasPrefix("1") { return true }
        return number.count == 10 && (number.hasPrefix("400") || number.hasPrefix("800"))
    }

    /// The half-width form of full-width digits, brackets, hyphens, colons and spaces; other characters as they are.
    public static func halfWidth(_ character: Character) -> Character {
        if character.isASCII { return character }  // most of a phone text; no case below is ASCII
        return switch character {
        case "（": "("
        case "）": ")"
        case "－", "—", "–": "-"
        case "：": ":"
        case "，": "，"
        case "　": " "
        default:
            if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
                (0xFF10...0xFF19).contains(scalar.value), let half = Unicode.Scalar(scalar.value - 0xFEE0)
            {
                Character(half)
            } else {
                character
            }
        }
    }
}
