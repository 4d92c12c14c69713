/// Names for characters a reader cannot see: controls, separators, zero-width and bidirectional-formatting
/// characters. Diagnostics name them as `U+000B（垂直制表符）` instead of showing them.
public enum CharacterNames {
    /// `U+000B`: the code point in the form Unicode charts use.
    public static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// `U+000B（垂直制表符）`, or just the code point for a character without a Chinese name here.
    public static func describe(_ scalar: Unicode.Scalar) -> String {
        guard let name = name(of: scalar) else { return codePoint(scalar) }
        return "\(codePoint(scalar))（\(name)）"
    }

    /// The Chinese name of an invisible or troublesome character, or `nil` for ordinary text.
    public static func name(of scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x00: "空字符"
        case 0x09: "制表符"
        case 0x0A: "换行符"
        case 0x0B: "垂直制表符"
        case 0x0C: "换页符"
        case 0x0D: "回车符"
        case 0x01...0x1F: "控制字符"
        case 0x7F: "删除符"
        case 0x85: "下一行符"
        case 0x80...0x9F: "C1 控制字符"
        case 0xA0: "不换行空格"
        case 0xAD: "软连字符"
        case 0x200B: "零宽空格"
        case 0x200C: "零宽非连接符"
        case 0x200D: "零宽连接符"
        case 0x200E, 0x200F: "方向标记"
        case 0x2028: "行分隔符"
        case 0x2029: "段分隔符"
        case 0x202A...0x202E: "双向文本嵌入/覆盖控制符"
        case 0x2060: "零宽不换行符"
        case 0x2066...0x2069: "双向文本隔离控制符"
        case 0x3000: "全角空格"
        case 0xFEFF: "零宽不换行空格（字节顺序标记）"
        case 0xFFFE, 0xFFFF: "非字符"
        default: nil
        }
    }

    /// Whether a reader cannot see the character or it reorders the text around it: bidirectional embeddings,
    /// overrides and isolates (U+202A–U+202E, U+2066–U+2069), zero-width characters (U+200B–U+200D, U+2060) and
    /// U+FEFF. In a printed name they hide or disguise the real text.
    public static func isHiddenFormatting(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x202A...0x202E, 0x2066...0x2069, 0x200B...0x200D, 0x2060, 0xFEFF: true
        default: false
        }
    }

    /// Whether XML 1.0 allows the character in a document at all (its `Char` production).
    public static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
