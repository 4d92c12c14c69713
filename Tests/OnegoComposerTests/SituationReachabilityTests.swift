import OnegoBase
import OnegoCatalog
import OnegoTestSupport
import Testing

@testable import OnegoComposer

/// Reachability and counting are exact without listing answer sets: fast on 40 questions, right where the old
/// 4,096-set enumeration was wrong, and equal to brute force on random small matters.
@Suite struct SituationReachabilityTests {
    static let codes = [
        "11440188MB2C9023XA4000101001001001", "1144018800748257514000101001002001",
        "11440188MB2C9031XX4000101001003001", "11440188007482591N4000101001004001",
        "91440188MA5D00001A4000101001005001", "11440188MB2C9023XA4000101001006001",
    ]

    static func at(_ line: Int) -> OnegoBase.SourceLocation {
        OnegoBase.SourceLocation(file: "generated.xml", line: line, column: 1)
    }

    /// 企业开办 with `count` yes/no questions, question i including situational member i (the licence always).
    static func yesNoMatter(count: Int, includedBy answer: String = "是") -> Matter {
        var members = [MatterMember(id: "licence", code: codes[0], selection: .always)]
        var questions: [Question] = []
        for index in 1...count {
            members.append(MatterMember(id: "m\(index)", code: codes[1 + index % 5], selection: .situational))
            let include = [AnswerEffect.includeMember("m\(index)", at: at(index))]
            questions.append(
                Question(
                    id: "q\(index)", kind: .yesNo, text: "是否办理第 \(index) 项？",
                    answers: [
                        AnswerOption(value: "是", effects: answer == "是" ? include : []),
                        AnswerOption(value: "否", effects: answer == "否" ? include : []),
                    ]))
        }
        return Matter(
            code: "T-QYKB40", name: "企业开办（\(count) 问）", audience: .legalPerson, leadDepartment: "云溪区市场监督管理局",
            promisedLimit: TimeLimit(20, .workingDays), members: members, questions: questions)
    }

    /// A hang guard, not a speed figure: enumerating the 2^40 answer sets never finished, deciding them takes a few
    /// milliseconds, and the bound leaves room for sanitizer builds on a loaded machine.
    @Test func fortyYesNoQuestionsAreDecidedWithoutEnumeratingThem() throws {
        let matter = Self.yesNoMatter(count: 40)
        let clock = ContinuousClock()
        let start = clock.now
        let reachability = SituationReachability(matter: matter)
        let count = try #require(SituationResolver(matter: matter).countAnswerSets())
        let elapsed = clock.now - start
        #expect(elapsed < .seconds(5), "\(elapsed)")
        #expect(count.description == "1099511627776")
        #expect(reachability.selectableMembers == Set(0...40))
        #expect(reachability.shownQuestions.count == 40)
    }

    /// A hang guard like the one above: the matter checks once enumerated every answer set.
    @Test func fortyQuestionsValidateWithoutEnumeratingAnswerSets() throws {
        let clock = ContinuousClock()
        let catalog = try ComposerFixtures.catalog()
        let start = clock.now
        let found = MatterChecks.run(matters: [Self.yesNoMatter(count: 40)], catalog: catalog)
        let elapsed = clock.now - start
        #expect(elapsed < .seconds(5), "\(elapsed)")
        #expect(found.isEmpty, "\(found)")
    }

    /// The old check saw only the first 4,096 of 8,192 sets, all with q1=否 unseen, and called m1 never selected.
    @Test func thirteenQuestionsHaveNoFalseNeverSelected() throws {
        let matter = Self.yesNoMatter(count: 13, includedBy: "否")
        let found = MatterChecks.run(matters: [matter], catalog: try ComposerFixtures.catalog())
        #expect(!found.contains { $0.rule == "matter.member.never-selected" }, "\(found)")
        #expect(SituationReachability(matter: matter).selectableMembers.count == 14)
    }

    @Test func excludedEverywhereIsNeverSelectedAndForcedHiddenFollowUpIsUnreachable() throws {
        // q1 is required; both its answers exclude `seal`; q2 only shows on q1=是 but has no valid answer
        // (a yes/no question answered 有), so every complete answer set answers q1=否 and never shows q2.
        let matter = Matter(
            code: "T-X", name: "测试", audience: .legalPerson, leadDepartment: "云溪区市场监督管理局",
            promisedLimit: TimeLimit(5, .workingDays),
            members: [
                MatterMember(id: "licence", code: Self.codes[0]),
                MatterMember(id: "seal", code: Self.codes[1]),
                MatterMember(id: "invoice", code: Self.codes[2], selection: .situational),
            ],
            questions: [
                Question(
                    id: "q1", kind: .yesNo, text: "是否已有营业执照？",
                    answers: [
                        AnswerOption(
                            value: "是",
                            effects: [
                                .excludeMember("seal", at: Self.at(1)), .includeMember("invoice", at: Self.at(2)),
                            ]),
                        AnswerOption(value: "否", effects: [.excludeMember("seal", at: Self.at(3))]),
                    ]),
                Question(
                    id: "q2", kind: .yesNo, text: "是否需要发票？",
                    shownWhen: [AnswerCondition(question: "q1", answer: "是")],
                    answers: [AnswerOption(value: "有")]),
            ])
        let reachability = SituationReachability(matter: matter)
        #expect(reachability.selectableMembers == [0])
        #expect(reachability.shownQuestions == ["q1"])
        #expect(reachability.reachableAnswers == ["q1": ["否"]])
        #expect(SituationResolver(matter: matter).countAnswerSets() == 1)
        let found = MatterChecks.run(matters: [matter], catalog: try ComposerFixtures.catalog())
        #expect(
            found.map(\.message) == [
                "情形问题 q2（是否需要发票？）在任何回答组合下都不会出现，其答案无法选择",
                "情形问题 q1 的答案“是”在任何回答组合下都不能选择：选择它会出现无法作答的追问",
                "成员事项 seal 在任何回答组合下都不会被选中", "成员事项 invoice 在任何回答组合下都不会被选中",
            ])
    }

    @Test func countsBeyondSixtyFourBitsPrintExactly() throws {
        // Three multiple-choice questions of 30 options: (2³⁰ − 1)³ answer sets.
        let options = (1...30).map { AnswerOption(value: "经营项目\($0)") }
        let questions = (1...3).map { Question(id: "scope\($0)", kind: .multiple, text: "经营范围？", answers: options) }
        let matter = Matter(
            code: "T-BIG", name: "大", audience: .legalPerson, leadDepartment: "云溪区市场监督管理局",
            promisedLimit: TimeLimit(5, .workingDays), members: [MatterMember(id: "licence", code: Self.codes[0])],
            questions: questions)
        let count = try #require(SituationResolver(matter: matter).countAnswerSets())
        #expect(count.description == "1237940035826615764299808767")
        #expect(count.exactValue == nil)
    }

    // MARK: Property: exact equals brute force

    /// Every valid complete answer set, found by trying every raw assignment through the resolver.
    static func bruteForce(_ matter: Matter) -> [SituationOutcome] {
        let resolver = SituationResolver(matter: matter)
        var raw: [[[String]]] = []
        for question in matter.questions {
            let values = question.answers.map(\.value)
            var lists: [[String]] = [[]]
            switch question.kind {
            case .multiple:
                for mask in 1..<(1 << values.count) {
                    lists.append(values.indices.filter { mask & (1 << $0) != 0 }.map { values[$0] })
                }
            case .number: lists += areas.map { [$0] }
            default: lists += values.map { [$0] }
            }
            raw.append(lists)
        }
        var outcomes: [SituationOutcome] = []
        var seen = Set<String>()
        func visit(_ index: Int, _ answers: AnswerSet) {
            guard index < raw.count else {
                // 有 is another spelling of 是, and areas in one interval act alike: keep each class once.
                if let outcome = try? resolver.resolve(answers), seen.insert(classOf(outcome.answers, matter)).inserted
                {
                    outcomes.append(outcome)
                }
                return
            }
            for list in raw[index] {
                var next = answers
                if !list.isEmpty { next.set(list, for: matter.questions[index].id) }
                visit(index + 1, next)
            }
        }
        visit(0, AnswerSet())
        return outcomes
    }

    /// Floor areas on both sides of every bound the generator uses.
    static let areas = ["0", "49.5", "50", "300", "499.999", "500"]
    static let bounds = [0, 50, 300, 500].map(QuestionNumber.init)

    /// The largest bound at or below an area: its interval's lower end, found without the code under test.
    static func intervalStart(_ area: String, _ question: Question) -> String {
        let value = QuestionNumber(area) ?? QuestionNumber(0)
        let used = question.thresholds.flatMap { [$0.atLeast, $0.below].compactMap { $0 } } + [QuestionNumber(0)]
        return (used.filter { $0 <= value }.max() ?? QuestionNumber(0)).description
    }

    /// An answer set with each area replaced by its interval's lower end.
    static func classOf(_ answers: AnswerSet, _ matter: Matter) -> String {
        var copy = answers
        for question in matter.questions where question.kind == .number {
            if let area = answers[question.id].first {
                copy.set([intervalStart(area, question)], for: question.id, isNumber: true)
            }
        }
        return copy.description
    }

    /// The effects an answer of a question applies.
    static func effects(of value: String, in question: Question) -> [AnswerEffect] {
        guard question.kind == .number else { return question.answer(value: value)?.effects ?? [] }
        let area = QuestionNumber(value) ?? QuestionNumber(0)
        return question.thresholds.filter { $0.isMet(by: area) }.flatMap(\.effects)
    }

    static func randomMatter(_ generator: inout some RandomNumberGenerator) -> Matter {
        let memberCount = Int.random(in: 1...4, using: &generator)
        let members = (0..<memberCount).map {
            MatterMember(
                id: "m\($0)", code: codes[$0], selection: Bool.random(using: &generator) ? .always : .situational)
        }
        var line = 0
        func effect() -> AnswerEffect {
            line += 1
            let member = "m\(Int.random(in: 0..<memberCount, using: &generator))"
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: return .includeMember(member, at: at(line))
            case 1: return .excludeMember(member, at: at(line))
            case 2: return .excludeMaterial(member: member, name: "营业执照", at: at(line))
            default: return .addMaterial(member: member, material: Material(name: "租赁合同"), at: at(line))
            }
        }
        var questions: [Question] = []
        for index in 0..<Int.random(in: 1...4, using: &generator) {
            let kind = [QuestionKind.yesNo, .single, .multiple, .number].randomElement(using: &generator) ?? .single
            let values = kind == .yesNo ? ["是", "否", "有"] : ["甲", "乙", "丙"]
            let answers = (0..<Int.random(in: 1...3, using: &generator)).map { option in
                AnswerOption(
                    value: values[option], effects: (0..<Int.random(in: 0...2, using: &generator)).map { _ in effect() }
                )
            }
            var conditions: [AnswerCondition] = []
            if index > 0 {
                for _ in 0..<Int.random(in: 0...2, using: &generator) {
                    let parent = questions[Int.random(in: 0..<index, using: &generator)]
                    let value = parent.answers.randomElement(using: &generator)?.value ?? "是"
                    conditions.append(AnswerCondition(question: parent.id, answer: value))
                }
            }
            var thresholds: [Threshold] = []
            if kind == .number {
                for _ in 0..<Int.random(in: 1...3, using: &generator) {
                    let lower = bounds.randomElement(using: &generator)
                    let upper = bounds.filter { $0 > (lower ?? QuestionNumber(0)) }.randomElement(using: &generator)
                    thresholds.append(
                        Threshold(
                            atLeast: Bool.random(using: &generator) ? lower : nil,
                            below: Bool.random(using: &generator) ? upper : nil, unit: "平方米",
                            effects: (0..<Int.random(in: 1...2, using: &generator)).map { _ in effect() }))
                }
            }
            questions.append(
                Question(
                    id: "q\(index)", kind: kind, isRequired: Int.random(in: 0..<4, using: &generator) > 0, text: "问题",
                    shownWhen: conditions, answers: kind == .number ? [] : answers, unit: kind == .number ? "平方米" : nil,
                    thresholds: thresholds))
        }
        return Matter(
            code: "T-RANDOM", name: "随机", audience: .legalPerson, leadDepartment: "云溪区市场监督管理局",
            promisedLimit: TimeLimit(5, .workingDays), members: members, questions: questions)
    }

    @Test func exactAnswersEqualBruteForceOnRandomSmallMatters() throws {
        var generator = SplitMix64(seed: 20_261_129)
        let asOf = try #require(CalendarDay(iso: "2026-11-29"))
        for _ in 0..<400 {
            let matter = Self.randomMatter(&generator)
            let resolver = SituationResolver(matter: matter)
            let outcomes = Self.bruteForce(matter)
            let context = "\(matter.questions)"
            // Counting and streaming.
            #expect(resolver.countAnswerSets() == AnswerSetCount(UInt64(outcomes.count)), "\(context)")
            let streamed = Array(resolver.answerSets(asOf: asOf))
            #expect(
                Set(streamed.map(\.description)) == Set(outcomes.map { Self.classOf($0.answers, matter) }), "\(context)"
            )
            #expect(streamed.count == outcomes.count)
            // Counting and streaming with one answer given.
            if let question = matter.questions.randomElement(using: &generator),
                let node = resolver.questionIndex[question.id],
                let option = resolver.space.nodes[node].options.randomElement(using: &generator)
            {
                let value = question.kind == .number ? "300" : option.value
                let fixed = try resolver.fixedChoices(AnswerSet([(question.id, value)]), asOf: asOf)
                let agreeing = outcomes.filter { outcome in
                    let given = outcome.answers[question.id]
                    guard question.kind == .number else { return given == [value] }
                    return given.map { Self.intervalStart($0, question) } == [Self.intervalStart(value, question)]
                }
                #expect(resolver.countAnswerSets(fixed: fixed) == AnswerSetCount(UInt64(agreeing.count)), "\(context)")
                let narrowed = Array(resolver.answerSets(asOf: asOf, fixed: fixed))
                #expect(
                    Set(narrowed.map { Self.classOf($0, matter) })
                        == Set(agreeing.map { Self.classOf($0.answers, matter) }),
                    "\(context)")
            }
            // Reachability.
            let exact = SituationReachability(matter: matter)
            #expect(exact.hasAnswerSet == !outcomes.isEmpty)
            let shown = outcomes.reduce(into: Set<String>()) { $0.formUnion(resolver.shownQuestions($1.answers)) }
            #expect(exact.shownQuestions == shown, "\(context)")
            var chosen: [String: Set<String>] = [:]
            for outcome in outcomes {
                for question in matter.questions where !outcome.answers[question.id].isEmpty {
                    let values = outcome.answers[question.id]
                    chosen[question.id, default: []].formUnion(
                        question.kind == .number ? values.map { Self.intervalStart($0, question) } : values)
                }
            }
            #expect(exact.reachableAnswers == chosen, "\(context)")
            #expect(exact.selectableMembers == Set(outcomes.flatMap(\.selected)), "\(context)")
            // Material effects that happen with their member selected.
            var happening = Set<AnswerEffect>()
            for outcome in outcomes {
                for question in matter.questions {
                    for value in outcome.answers[question.id] {
                        for effect in Self.effects(of: value, in: question) {
                            guard let member = resolver.memberIndex[effect.member], outcome.selected.contains(member)
                            else { continue }
                            happening.insert(effect)
                        }
                    }
                }
            }
            let material = matter.questions.flatMap { $0.answers.flatMap(\.effects) + $0.thresholds.flatMap(\.effects) }
                .filter {
                    if case .includeMember = $0 { return false }
                    if case .excludeMember = $0 { return false }
                    return true
                }
            let activeIdle = Set(exact.idleMaterialEffects)
            let expectedIdle = Set(material.filter { !happening.contains($0) })
            // Effects on answers the resolver never reads (a repeated value, 有 on a yes/no) are idle too.
            #expect(activeIdle.isSubset(of: expectedIdle), "\(context)")
            #expect(
                expectedIdle.subtracting(activeIdle).allSatisfy { effect in
                    !matter.questions.contains { question in
                        question.answer(value: question.answers.first { $0.effects.contains(effect) }?.value ?? "")?
                            .effects.contains(effect) == true
                            && (question.kind != .yesNo
                                || ["是", "否"].contains(
                                    question.answers.first { $0.effects.contains(effect) }?.value ?? ""))
                    }
                }, "\(context)")
        }
    }
}
