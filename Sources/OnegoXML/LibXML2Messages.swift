/// Chinese wording for libxml2's messages, so officers read what went wrong; the original English text is kept
/// in parentheses for developers and search engines.
enum LibXML2Messages {
    /// The rule ID for a parser error code.
    static func rule(forParserCode code: Int) -> String {
        switch code {
        case 9, 81, 6000...6099: "xml.encoding"
        case 31, 32, 79: "xml.encoding-declaration"
        case 26, 27, 89: "xml.entity"
        case 4: "xml.not-xml"
        default: "xml.syntax"
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

    /// A schema-validation message with namespace braces removed and a Chinese lead.
    static func schemaMessage(_ original: String) -> String {
        "不符合 Schema：\(stripNamespaces(original))"
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
