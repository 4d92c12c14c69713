import Foundation
import OnegoCatalog
import OrderedCollections

/// What a valid answer set selects: the members, and the materials the situations drop or add per member.
struct SituationOutcome: Sendable {
    /// The answers in canonical form (yes/no spelled 是/否, questions in matter order).
    var answers: AnswerSet
    /// Indexes into `matter.members` of the selected members, ascending.
    var selected: [Int]
    /// Catalog material names dropped per member index.
    var droppedMaterials: [Int: Set<String>]
    /// Materials added per member index.
    var addedMaterials: [Int: [Material]]
}

/// Checks an answer set against a matter's questions and works out what it selects.
///
/// Questions are evaluated in file order; a follow-up's conditions refer to earlier questions (the checks
/// report any that do not), so one pass decides which questions are shown.
struct SituationResolver: Sendable {
    let matter: Matter
    let memberIndex: [String: Int]
    let questionIndex: [String: Int]

    init(matter: Matter) {
        self.matter = matter
        var members: [String: Int] = [:]
        for (offset, member) in matter.members.enumerated() where members[member.id] == nil {
            members[member.id] = offset
        }
        memberIndex = members
        var questions: [String: Int] = [:]
        for (offset, question) in matter.questions.enumerated() where questions[question.id] == nil {
            questions[question.id] = offset
        }
        questionIndex = questions
    }

    /// The spellings accepted for 是 and 否.
    static func canonicalYesNo(_ value: String) -> String? {
        switch value.trimmingCharacters(in: .whitespaces).lowercased() {
        case "是", "yes", "y", "true", "1", "有", "需要": "是"
        case "否", "no", "n", "false", "0", "无", "不需要": "否"
        default: nil
        }
    }

    /// Whether a question is shown, given the answers so far.
    func isShown(_ question: Question, answers: AnswerSet) -> Bool {
        question.shownWhen.isEmpty || question.shownWhen.contains { answers.contains($0.answer, for: $0.question) }
    }

    /// The ids of the questions shown for a complete answer set, deciding each from the earlier answers only.
    func shownQuestions(_ answers: AnswerSet) -> Set<String> {
        var earlier = AnswerSet()
        var shown = Set<String>()
        for question in matter.questions {
            if isShown(question, answers: earlier) { shown.insert(question.id) }
            earlier.set(answers[question.id], for: question.id)
        }
        return shown
    }

    /// Validates `given` and computes the selection.
    func resolve(_ given: AnswerSet) throws(CompositionError) -> SituationOutcome {
        for question in given.values.keys where questionIndex[question] == nil {
            throw .unknownQuestion(question, matter: matter.code)
        }
        var canonical = AnswerSet()
        var missing: [Question] = []
        var included = Set<Int>()
        var excluded = Set<Int>()
        var dropped: [Int: Set<String>] = [:]
        var added: [Int: [Material]] = [:]
        for question in matter.questions {
            let raw = given[question.id]
            guard isShown(question, answers: canonical) else {
                if !raw.isEmpty { throw .answerNotExpected(question: question) }
                continue
            }
            if raw.isEmpty {
                if question.isRequired { missing.append(question) }
                continue
            }
            var chosen: [String] = []
            for value in raw {
                let spelled = question.kind == .yesNo ? (Self.canonicalYesNo(value) ?? value) : value
                guard question.answer(value: spelled) != nil else {
                    throw .unknownAnswer(value: value, question: question)
                }
                chosen.append(spelled)
            }
            if (question.kind != .multiple && chosen.count > 1) || Set(chosen).count != chosen.count {
                throw .tooManyAnswers(values: raw, question: question)
            }
            canonical.set(chosen, for: question.id, isMultiple: question.kind == .multiple)
            for value in chosen {
                guard let option = question.answer(value: value) else { continue }
                for effect in option.effects {
                    guard let member = memberIndex[effect.member] else { continue }
                    switch effect {
                    case .includeMember: included.insert(member)
                    case .excludeMember: excluded.insert(member)
                    case .excludeMaterial(_, let name, _): dropped[member, default: []].insert(name)
                    case .addMaterial(_, let material, _): added[member, default: []].append(material)
                    }
                }
            }
        }
        if !missing.isEmpty { throw .missingAnswers(missing) }
        var selected: [Int] = []
        for (offset, member) in matter.members.enumerated() where memberIndex[member.id] == offset {
            let isIn = member.selection == .always || included.contains(offset)
            if isIn && !excluded.contains(offset) { selected.append(offset) }
        }
        return SituationOutcome(
            answers: canonical, selected: selected, droppedMaterials: dropped, addedMaterials: added)
    }

    /// Every valid, complete answer set, in a stable order (questions in file order, answers in option order;
    /// an optional question is also left unanswered). Stops after `limit` sets.
    func enumerate(limit: Int = 4096) -> [AnswerSet] {
        var results: [AnswerSet] = []
        func visit(_ index: Int, _ answers: AnswerSet) {
            guard results.count < limit else { return }
            guard index < matter.questions.count else {
                results.append(answers)
                return
            }
            let question = matter.questions[index]
            guard questionIndex[question.id] == index, isShown(question, answers: answers) else {
                visit(index + 1, answers)
                return
            }
            if !question.isRequired { visit(index + 1, answers) }
            for choice in Self.choices(for: question) {
                var next = answers
                next.set(choice, for: question.id, isMultiple: question.kind == .multiple)
                visit(index + 1, next)
            }
        }
        visit(0, AnswerSet())
        return results
    }

    /// The non-empty value lists a question accepts (distinct values only; subsets for multiple choice,
    /// capped at 10 options).
    static func choices(for question: Question) -> [[String]] {
        var values = OrderedSet(question.answers.map(\.value))
        if question.kind == .yesNo { values = values.filter { $0 == "是" || $0 == "否" } }
        switch question.kind {
        case .yesNo, .single:
            return values.map { [$0] }
        case .multiple:
            let options = Array(values.prefix(10))
            guard !options.isEmpty else { return [] }
            return (1..<(1 << options.count)).map { mask in
                options.indices.filter { mask & (1 << $0) != 0 }.map { options[$0] }
            }
        }
    }
}
