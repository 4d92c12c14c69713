import Hummingbird

/// The fields of an `application/x-www-form-urlencoded` body (what a plain HTML form posts).
struct FormFields: Sendable {
    /// Name and value pairs in body order.
    var pairs: [(String, String)]

    /// Parses a form body (`+` is a space, `%XX` bytes are UTF-8).
    init(body: String) {
        pairs = body.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            return (Self.decode(parts[0]), value)
        }
    }

    /// Reads the request body (at most 1 MiB) as form fields.
    static func read(_ request: Request) async throws -> FormFields {
        let buffer = try await request.body.collect(upTo: 1 << 20)
        return FormFields(body: String(buffer: buffer))
    }

    /// The first value of `name`, trimmed; nil when missing or empty.
    subscript(_ name: String) -> String? {
        guard let value = pairs.first(where: { $0.0 == name })?.1 else { return nil }
        let trimmed = value.trimmingSpacesAndNewlines
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Every non-empty value of `name` (checkboxes and multiple selects post one pair per choice), trimmed.
    func values(_ name: String) -> [String] {
        pairs.filter { $0.0 == name }.map { $0.1.trimmingSpacesAndNewlines }.filter { !$0.isEmpty }
    }

    /// The non-empty values of the fields whose names start with `prefix`, by the rest of the name, in body order.
    func prefixed(_ prefix: String) -> [(String, String)] {
        pairs.filter { $0.0.hasPrefix(prefix) }.map {
            (String($0.0.dropFirst(prefix.count)), $0.1.trimmingSpacesAndNewlines)
        }
        .filter { !$0.1.isEmpty }
    }

    private static func decode(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        var index = text.utf8.startIndex
        let utf8 = text.utf8
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "+") {
                bytes.append(32)
            } else if byte == UInt8(ascii: "%"), let high = utf8.index(index, offsetBy: 1, limitedBy: utf8.endIndex),
                let low = utf8.index(index, offsetBy: 2, limitedBy: utf8.endIndex), low < utf8.endIndex,
                let value = UInt8(String(decoding: [utf8[high], utf8[low]], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                index = low
            } else {
                bytes.append(byte)
            }
            index = utf8.index(after: index)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension String {
    /// The text without leading and trailing spaces and line breaks.
    var trimmingSpacesAndNewlines: String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
