import Foundation
import OnegoTestSupport
import Testing

/// `onego compose` without answers on a terminal asks the situation questions. `script` (util-linux, part of every
/// Debian system) gives the command a pseudo-terminal; the answers are typed on its standard input.
@Suite struct ComposeInteractiveTests {
    @Test func asksTheQuestionsOnATerminalAndComposesTheAnswers() throws {
        // 是 to invoices, staff, the housing fund and the bank appointment; 否 to acting through an agent.
        let (status, text) = try Fixtures.runOnegoOnTerminal(
            "compose YX-QYKB --catalog Catalogs/yunxi", typing: "1\n1\n1\n1\n2\n")
        #expect(status == 0, "\(text)")
        #expect(text.contains("请回答以下情形问题"))
        #expect(text.contains("是否需要申领发票和税务UKey？"))
        #expect(text.contains("是否委托代理人办理？ 否"))
        #expect(text.contains("申请材料：26 → 6"))
    }
}

/// The floor area of 开办餐饮店 is typed as a number; a malformed one is asked again.
@Suite struct ComposeInteractiveNumberTests {
    @Test func asksForTheFloorAreaAsANumber() throws {
        // 新设个体工商户; 三百 (refused), then 320 平方米; no sign; no tobacco.
        let (status, text) = try Fixtures.runOnegoOnTerminal(
            "compose YX-KBCYD --catalog Catalogs/yunxi", typing: "2\n三百\n320\n2\n2\n")
        #expect(status == 0, "\(text)")
        #expect(text.contains("经营场所建筑面积（平方米）？"))
        #expect(text.contains("（填数值，单位平方米）>"))
        #expect(text.contains("的回答“三百”无效"))
        #expect(text.contains("公众聚集场所投入使用、营业前消防安全检查（告知承诺方式）"), "\(text)")
    }
}
