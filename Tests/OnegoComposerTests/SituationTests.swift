import OnegoBase
import OnegoCatalog
import OnegoComposer
import Testing

/// Answer sets that are incomplete or contradict the questions are errors naming the question.
@Suite struct SituationTests {
    let composer: Composer
    let matter: Matter

    init() throws {
        composer = Composer(
            catalog: try ComposerFixtures.catalog(), synonyms: try ComposerFixtures.synonyms())
        matter = try ComposerFixtures.matter("qykb.xml")
    }

    func error(_ answers: AnswerSet) -> CompositionError? {
        do {
            _ = try composer.compose(matter: matter, answers: answers)
            return nil
        } catch {
            return error
        }
    }

    @Test func missingAnswersNameEveryOpenQuestion() throws {
        let found = try #require(error(["invoice": "是"]))
        #expect(found.questionIDs == ["staff", "bank"])
        #expect(found.code == "composition.missing-answers")
        #expect(found.underlyingError == nil)
        #expect(found.description.contains("staff（是否招用员工？"))
        #expect(
            found.description.hasSuffix(
                "qykb.xml:21:5: 缺少以下情形的回答：staff（是否招用员工？，可选：是/否）；bank（是否现在预约银行开户？，可选：是/否）。请用 --answer 问题=答案 给出"
            ))
    }

    @Test func followUpIsAskedOnlyAfterItsAnswer() throws {
        #expect(
            composer.missingQuestions(for: matter, answers: ["invoice": "是", "staff": "否", "bank": "是"])
                .map(\.id) == [
                    "account"
                ])
        let found = try #require(
            error(["invoice": "是", "staff": "否", "bank": "否", "account": "basic"]))
        #expect(found.questionIDs == ["account"])
        #expect(found.description.contains("只在 bank=是 时提问"))
    }

    @Test(arguments: [
        (["invoice": "也许", "staff": "否", "bank": "否"] as AnswerSet, "invoice"),
        (["invoice": "是", "staff": "否", "bank": "否", "colour": "red"] as AnswerSet, "colour"),
        (AnswerSet([("invoice", "是"), ("invoice", "否"), ("staff", "否"), ("bank", "否")]), "invoice"),
    ])
    func contradictionsNameTheQuestion(answers: AnswerSet, question: String) throws {
        let found = try #require(error(answers))
        #expect(found.questionIDs == [question])
    }
}
