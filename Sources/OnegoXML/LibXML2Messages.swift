import OnegoBase

/// Chinese wording for libxml2's messages, so officers read what went wrong; the original English text is kept
/// in parentheses for developers and search engines.
enum LibXML2Messages {
    /// The rule ID for a parser error code.
    static func rule(forParserCode code: Int) -> RuleID {
        switch code {
        case 9, 81, 6000...6099: .xmlEncoding
        case 31, 32, 79: .xmlEncodingDeclaration
        case 26, 27, 89: .xmlEntity
        case 4: .xmlNotXML
        default: .xmlSyntax
        }
    }

    /// A Chinese explanation for a parser error, followed by libxml2's own words.
    static func parserMessage(
        code: Int, original: String, atEndOfInput: Bool = false, declaredEncoding: String? = nil
    ) -> String {
        if atEndOfInput && code != 4 {
            let detail = original.isEmpty ? "" : "（libxml2：\(original)）"
            return "文件在此处意外结束：文件可能被截断，或有元素未闭合\(detail)"
        }
        let explanation: String
        switch code {
        case 4:
            explanation = "文件不是 XML 文档（开头找不到 '<'，可能是二进制文件、表格或其他格式）"
        case 5:
            explanation = "根元素结束后还有多余内容"
        case 9, 81, 6000...6099:
            if let declared = declaredEncoding, !declared.uppercased().hasPrefix("UTF") {
                explanation = "编码错误：文件内容不是合法的 \(declared) 字节序列（可能已损坏，或实际为其他编码）"
            } else {
                explanation =
                    "编码错误：字节序列不符合文件声明的编码。政务系统导出的文件常为 GBK/GB18030，请在 XML 声明中写明 "
                    + "encoding=\"GB18030\"，或转存为 UTF-8"
            }
        case 31, 32:
            explanation = "不支持文件声明的字符编码"
        case 79:
            explanation = "XML 声明中的编码名称无效"
        case 26, 27:
            explanation = "引用了未定义的实体（目录文件只允许 &amp; &lt; &gt; &quot; &apos; 和字符引用）"
        case 89:
            explanation = "实体循环引用"
        case 76:
            explanation = "开始标签与结束标签不匹配"
        case 77, 85:
            explanation = "元素没有正确闭合：文件可能被截断"
        case 73:
            explanation = "标签缺少 '>'"
        case 41:
            explanation = "属性缺少取值"
        case 42:
            explanation = "同一属性重复出现"
        case 65:
            explanation = "缺少必要的空白（常见于属性之间）"
        case 1 where original.contains("depth"):
            explanation = "元素嵌套过深"
        default:
            explanation = "XML 语法错误"
        }
        return original.isEmpty ? explanation : "\(explanation)（libxml2：\(original)）"
    }

    /// Whether libxml2's message is about bytes that are not valid in the document's encoding (as opposed to a valid
    /// character that XML does not allow).
    static func isEncodingMismatch(_ original: String) -> Bool {
        original.contains("not proper UTF-8") || original.contains("Bytes: 0x") || original.contains("conversion")
            || original.contains("encoding error")
    }

    /// The character value libxml2 names in messages such as `PCDATA invalid Char value 11`,
    /// `xmlParseCharRef: invalid xmlChar value 0` or `Char 0xFFFE out of allowed range`.
    static func characterValue(in original: String) -> UInt32? {
        if let range = original.firstRange(of: "Char 0x") {
            let digits = original[range.upperBound...].prefix { $0.isHexDigit }
            return UInt32(digits, radix: 16)
        }
        if original.contains("Char value ") || original.contains("xmlChar value "),
            let range = original.ranges(of: "value ").last
        {
            let digits = original[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
            return UInt32(digits)
        }
        return nil
    }

    /// Whether a character is worth naming in a syntax error: one XML forbids, or one a reader cannot see.
    static func isNotable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x20: return false
        default: return !CharacterNames.isXMLCharacter(scalar) || CharacterNames.name(of: scalar) != nil
        }
    }

    /// The rule and message for an error caused by `scalar`: a character before the first `<` (code 4, still
    /// `xml.not-xml`), a character XML forbids anywhere, or one that may not stand where it does (inside a tag).
    static func characterMessage(_ scalar: Unicode.Scalar, code: Int, original: String) -> (
        rule: RuleID, message: String
    ) {
        let detail = original.isEmpty ? "" : "（libxml2：\(original)）"
        let name = CharacterNames.describe(scalar)
        if code == 4 {
            return (
                .xmlNotXML,
                "文档开头的 '<' 之前有字符 \(name)：XML 文档应以 '<' 开始，请删除该字符"
                    + "（若这是二进制文件、表格或其他格式，请换用 XML 文件）\(detail)"
            )
        }
        if !CharacterNames.isXMLCharacter(scalar) {
            return (
                .xmlInvalidCharacter,
                "字符 \(name) 不允许出现在 XML 文档中（直接写出或写作 &#…; 字符引用都不行；XML 1.0 只允许制表符、换行、回车和可见字符）："
                    + "请删除它或换成空格\(detail)"
            )
        }
        return (.xmlInvalidCharacter, "此处的字符 \(name) 不能出现在标签中：请删除它或换成普通空格\(detail)")
    }

    /// A schema-validation message with namespace braces removed and a Chinese lead; a holder (持有人) not on the
    /// list is explained in Chinese, with the way to extend the list.
    static func schemaMessage(_ original: String) -> String {
        let stripped = stripNamespaces(original)
        if let holder = invalidHolder(in: stripped) {
            return "持有人 holder=\"\(holder)\" 不在持有人列表中（申请人本人、法定代表人、经办人、代理人、股东、配偶、新生儿母亲、"
                + "新生儿父亲、监护人、新生儿、退休人员、单位等，见 Schema 的 Holder 类型）；列表外的持有人请写作 "
                + "holder=\"其他：\(holder)\"（libxml2：\(stripped)）"
        }
        return "不符合 Schema：\(stripped)"
    }

    /// The value in `… attribute 'holder': 'VALUE' is not a valid value of the union type 'Holder'.`
    static func invalidHolder(in message: String) -> Substring? {
        guard message.contains("of the union type 'Holder'"),
            let start = message.firstRange(of: "attribute 'holder': '")?.upperBound,
            let end = message[start...].firstRange(of: "' is not a valid value")?.lowerBound
        else { return nil }
        return message[start..<end]
    }

    /// Removes `{namespace}` prefixes from names in libxml2's messages, keeping other braces such as the set of
    /// allowed values in `… is not an element of the set {'1', '2', '3'}`.
    static func stripNamespaces(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else {
                result += rest[open...]
                return result
            }
            let inside = rest[rest.index(after: open)..<close]
            let isNamespace = inside.contains(":") && !inside.contains("'") && !inside.contains(" ")
            if !isNamespace { result += rest[open...close] }
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        return result
    }
}
