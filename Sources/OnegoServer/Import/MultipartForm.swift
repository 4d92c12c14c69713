import Foundation

/// The parts of a `multipart/form-data` body (an HTML form with a file input).
struct MultipartForm: Sendable {
    /// One field or file.
    struct Part: Sendable {
        var name: String
        var filename: String?
        var bytes: [UInt8]
    }

    var parts: [Part] = []

    /// Parses `body` with the boundary of `contentType`; nil when the type is not multipart or has no boundary.
    init?(contentType: String, body: [UInt8]) {
        guard contentType.lowercased().hasPrefix("multipart/form-data"),
            let range = contentType.range(of: "boundary=")
        else { return nil }
        var boundary = String(contentType[range.upperBound...].prefix { $0 != ";" })
        if boundary.hasPrefix("\""), boundary.hasSuffix("\""), boundary.count >= 2 {
            boundary = String(boundary.dropFirst().dropLast())
        }
        let delimiter = Array(("--" + boundary).utf8)
        var starts: [Int] = []
        var index = 0
        while let found = Self.find(delimiter, in: body, from: index) {
            starts.append(found)
            index = found + delimiter.count
        }
        guard starts.count >= 2 else { return nil }
        for (start, end) in zip(starts, starts.dropFirst()) {
            var from = start + delimiter.count
            if from + 1 < body.count, body[from] == 13, body[from + 1] == 10 { from += 2 }
            guard let headerEnd = Self.find(Array("\r\n\r\n".utf8), in: body, from: from), headerEnd < end else {
                continue
            }
            let head = String(decoding: body[from..<headerEnd], as: UTF8.self)
            var contentEnd = end
            if contentEnd >= 2, body[contentEnd - 2] == 13, body[contentEnd - 1] == 10 { contentEnd -= 2 }
            guard let name = Self.parameter("name", in: head) else { continue }
            let bytes = headerEnd + 4 <= contentEnd ? Array(body[(headerEnd + 4)..<contentEnd]) : []
            parts.append(Part(name: name, filename: Self.parameter("filename", in: head), bytes: bytes))
        }
    }

    /// The text of the field `name`.
    func field(_ name: String) -> String? {
        parts.first { $0.name == name && $0.filename == nil }.map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    /// The first uploaded file.
    var file: Part? { parts.first { $0.filename != nil } }

    private static func parameter(_ name: String, in head: String) -> String? {
        guard let range = head.range(of: " \(name)=\"") ?? head.range(of: ";\(name)=\"") else { return nil }
        return String(head[range.upperBound...].prefix { $0 != "\"" })
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, from <= haystack.count - needle.count else {
            return nil
        }
        var index = from
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0], Array(haystack[index..<(index + needle.count)]) == needle { return index }
            index += 1
        }
        return nil
    }
}
