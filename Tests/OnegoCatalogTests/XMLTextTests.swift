import OnegoCatalog
import Testing

@Suite struct XMLTextTests {
    /// The escaping as it was written before it worked on bytes: scalar by scalar.
    private static func scalarWise(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\n": result += "&#10;"
            case "\t": result += "&#9;"
            case "\r": result += "&#13;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    @Test(arguments: [
        "",
        "食品经营许可证核发",
        "《中华人民共和国食品安全法》第三十五条：国家对食品生产经营实行许可制度。",
        "申请人身份证明 & 营业执照<副本>",
        "\"建设工程消防验收\"（“特殊建设工程”）",
        "受理（1个工作日）：窗口受理人员\r\n审查（3个工作日）：科室\n决定\t（当场）",
        "&&<<>>\"\"",
        "末尾换行\n",
        "\u{1}控制字符\u{1F}保留",
        "家庭成员👨‍👩‍👧与组合字符 é e\u{301}",
    ])
    func escapesLikeTheScalarWiseVersion(_ text: String) {
        #expect(XMLText.escape(text) == Self.scalarWise(text))
    }

    @Test func escapesEachMarkupCharacterAndLineBreak() {
        #expect(
            XMLText.escape("材料<原件>&\"复印件\"\n\t\r")
                == "材料&lt;原件&gt;&amp;&quot;复印件&quot;&#10;&#9;&#13;")
        #expect(XMLText.escape("营业执照（副本）") == "营业执照（副本）")
    }
}
