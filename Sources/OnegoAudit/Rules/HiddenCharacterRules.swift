import OnegoBase
import OnegoCatalog
import OnegoXML

/// Bidirectional-formatting and zero-width characters in names and codes: on a printed guide or notice they hide
/// or reorder the real text (a right-to-left override makes "…证明" read backwards; a zero-width space splits a
/// code that looks whole), so what window staff read is not what the catalog says.
enum HiddenCharacterRules {
    static let all: [AuditRule] = [
        .item(
            "text.hidden-characters", .error, .text, title: "名称和编码中不得含有隐藏字符",
            explanation: "事项名称、部门与实施主体名称、申请材料和办理结果名称、各项编码中不得含有双向文本控制符"
                + "（U+202A–U+202E、U+2066–U+2069）和零宽字符（U+200B–U+200D、U+2060、U+FEFF）：打印出的文字会被隐藏或颠倒，"
                + "与目录中的实际内容不一致。"
        ) { item, _ in
            var issues: [RuleIssue] = []
            func check(_ text: String, _ field: String, at location: SourceLocation? = nil) {
                guard let found = HiddenCharacters.find(in: text) else { return }
                issues.append(
                    RuleIssue(
                        "事项“\(HiddenCharacters.reveal(item.name))”（\(HiddenCharacters.reveal(item.id))）的\(field)"
                            + "“\(HiddenCharacters.reveal(text))”第 \(found.position) 个字符是 \(CharacterNames.describe(found.scalar))"
                            + "，打印后会隐藏或颠倒文字：请删除该字符",
                        at: location))
            }
            check(item.name, "名称")
            check(item.codes.basic, "基本编码")
            check(item.codes.implementation, "实施编码")
            if let handling = item.codes.handling { check(handling, "业务办理项编码") }
            check(item.department, "部门名称")
            check(item.implementingBody.name, "实施主体名称")
            for material in item.materials { check(material.name, "申请材料名称", at: material.location) }
            for result in item.results { check(result.name, "办理结果名称") }
            return issues
        }
    ]
}

/// Finding and showing bidirectional-formatting and zero-width characters (see
/// ``CharacterNames/isHiddenFormatting(_:)``).
enum HiddenCharacters {
    /// The first hidden character in `text` and its 1-based position in characters, or `nil`.
    ///
    /// Every such character is a three-byte UTF-8 sequence led by 0xE2 (U+200B–U+2069) or 0xEF (U+FEFF), so text
    /// without those lead bytes (most Chinese text) is passed over at byte speed.
    static func find(in text: String) -> (scalar: Unicode.Scalar, position: Int)? {
        guard text.utf8.contains(where: { $0 == 0xE2 || $0 == 0xEF }) else { return nil }
        for (index, scalar) in text.unicodeScalars.enumerated() where CharacterNames.isHiddenFormatting(scalar) {
            return (scalar, index + 1)
        }
        return nil
    }

    /// `text` with each hidden character shown as `⟨U+202E⟩`, so a message prints what is really there.
    static func reveal(_ text: String) -> String {
        guard find(in: text) != nil else { return text }
        var shown = ""
        for scalar in text.unicodeScalars {
            if CharacterNames.isHiddenFormatting(scalar) {
                shown += "⟨\(CharacterNames.codePoint(scalar))⟩"
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }
}
