/// Text written into the XML files onego produces (catalogs, matters).
public enum XMLText {
    /// Escapes text for element content and double-quoted attributes: `&`, `<`, `>` and `"` as entities, and
    /// line breaks and tabs as character references so attribute values keep them.
    ///
    /// Works on UTF-8 bytes (every byte it replaces is ASCII, and no byte of a multi-byte sequence is ASCII): text
    /// without such a byte is returned as it is, and otherwise the runs between them are copied whole.
    public static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            guard var next = bytes.firstIndex(where: needsReference) else { return nil }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 16)
            var start = 0
            while true {
                result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<next]))
                result.append(contentsOf: reference(for: bytes[next]).utf8)
                start = next + 1
                guard let found = bytes[start...].firstIndex(where: needsReference) else { break }
                next = found
            }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
            return String(decoding: result, as: UTF8.self)
        } ?? text
    }

    /// Whether `byte` is written as an entity or character reference: the four markup characters and the control
    /// characters (line breaks and tabs are referenced; other control characters are not valid XML and are kept
    /// as the scalar-wise version kept them).
    @inline(__always)
    private static func needsReference(_ byte: UInt8) -> Bool {
        byte == 38 || byte == 60 || byte == 62 || byte == 34 || byte == 10 || byte == 9 || byte == 13
    }

    private static func reference(for byte: UInt8) -> String {
        switch byte {
        case 38: "&amp;"
        case 60: "&lt;"
        case 62: "&gt;"
        case 34: "&quot;"
        case 10: "&#10;"
        case 9: "&#9;"
        default: "&#13;"
        }
    }
}
