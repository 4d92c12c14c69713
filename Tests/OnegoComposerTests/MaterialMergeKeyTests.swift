import Testing

@testable import OnegoComposer

/// A merged line's key carries its fate as text; the composer writes it without reflection, and it must read as
/// it always did (`"\(fate)"`), so keys stay the same across versions.
@Suite struct MaterialMergeKeyTests {
    @Test(arguments: [
        MaterialMerge.Fate.none, .dropped, .promise, .jointForm("企业开办综合申请表"), .jointForm("退休“一件事”联办申请表"),
        .jointForm("带\"引号\"与\\反斜杠\n换行"),
    ])
    func fateKeyTextIsTheDescription(_ fate: MaterialMerge.Fate) {
        #expect(fate.keyText == "\(fate)")
    }
}
