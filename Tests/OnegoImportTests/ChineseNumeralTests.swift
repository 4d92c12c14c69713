import OnegoImport
import Testing

@Suite struct ChineseNumeralTests {
    /// Every whole number below ten thousand, written the way guides write it, reads back as itself and takes the
    /// whole text.
    @Test func everyNumberBelowTenThousandReadsBack() {
        for number in 0..<10_000 {
            let text = Self.written(number)
            let read = ChineseNumeral.leading(Substring(text + "个工作日"))
            #expect(read?.value == Double(number) && read?.length == text.count, "\(text)")
        }
    }

    @Test(arguments: [
        ("两小时", 2.0, 1), ("半个工作日", 0.5, 1), ("一个半小时", 1.5, 3), ("三半", 3, 1),
        ("二十零个", 20, 2), ("一五", 1, 1), ("十一百", 11, 2), ("零次", 0, 1), ("〇", 0, 1),
        ("一百一", 110, 3), ("两千五", 2_500, 3), ("一千零五", 1_005, 4), ("三百五十", 350, 4),
    ])
    func formsAroundTheNumber(text: String, value: Double, length: Int) {
        let read = ChineseNumeral.leading(Substring(text))
        #expect(read?.value == value)
        #expect(read?.length == length)
    }

    @Test(arguments: ["", "百", "千五", "个", "万", "廿", "5"])
    func textsWithoutALeadingNumeral(text: String) {
        #expect(ChineseNumeral.leading(Substring(text)) == nil)
    }

    /// The usual written form, built independently of the reader: 十 alone for 10–19, one 零 for a run of zeros
    /// between two terms, trailing zeros left out.
    private static func written(_ number: Int) -> String {
        let digits = Array("零一二三四五六七八九")
        if number == 0 { return "零" }
        if (10..<20).contains(number) { return "十" + (number == 10 ? "" : String(digits[number - 10])) }
        var text = ""
        var zeros = false
        for (place, word) in [(1_000, "千"), (100, "百"), (10, "十"), (1, "")] {
            let digit = number / place % 10
            if digit == 0 {
                if !text.isEmpty { zeros = true }
                continue
            }
            if zeros { text += "零" }
            zeros = false
            text += String(digits[digit]) + word
        }
        return text
    }
}
