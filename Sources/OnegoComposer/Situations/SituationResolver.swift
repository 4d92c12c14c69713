import Foundation
import OnegoCatalog
import OrderedCollections

/// What a valid answer set selects: the members, and the materials the situations drop or add per member.
struct SituationOutcome: Sendable {
    /// The answers in canonical form (yes/no spelled 是/否, numbers and dates normalised, questions in matter
    /// order).
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
    let space: SituationSpace
    let questionIndex: [String: Int]
    /// Ids of the number and date questions: a follow-up condition on them never holds (the checks report it).
    let measured: Set<String>

    var memberIndex: [String: Int] { space.memberIndex }

    init(matter: Matter) {
        self.matter = matter
        space = SituationSpace(matter: matter)
        var questions: [String: Int] = [:]
        for (offset, question) in matter.questions.enumerated() where questions[question.id] == nil {
            questions[question.id] = offset
        }
        questionIndex = questions
        measured = Set(matter.questions.filter(\.kind.isMeasured).map(\.id))
    }

    /// The spellings accepted for 是 and 否.
    static func canonicalYesNo(_ value: String) -> String? {
        // The canonical spellings themselves (what enumerated and stored answers hold) skip trimming and case folding.
        if value == "是" || value == "否" { return value }
        return switch value.trimmingCharacters(in: .whitespaces).lowercased() {
        case "是", "yes", "y", "true", "1", "有", "需要": "是"
        case "否", "no", "n", "false", "0", "无", "不需要": "否"
        default: nil
        }
    }

    /// Whether a question is shown, given the answers so far.
    func isShown(_ question: Question, answers: AnswerSet) -> Bool {
        question.shownWhen.isEmpty
            || question.shownWhen.contains {
                !measured.contains($0.question) && answers.contains($0.answer, for: $0.question)
            }
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

    /// Validates `given` and computes the selection. Date questions measure elapsed time on `asOf` (today when
    /// nil).
    func resolve(_ given: AnswerSet, asOf: CalendarDay? = nil) throws(CompositionError) -> SituationOutcome {
        for question in given.values.keys where questionIndex[question] == nil {
            throw .unknownQuestion(question, matter: matter.code)
        }
        var canonical = AnswerSet()
        var missing: [Question] = []
        var included = Set<Int>()
        var excluded = Set<Int>()
        var dropped: [Int: Set<String>] = [:]
        var added: [Int: [Material]] = [:]
        for (offset, question) in matter.questions.enumerated() {
            let raw = given[question.id]
            guard isShown(question, answers: canonical) else {
                if !raw.isEmpty { throw .answerNotExpected(question: question) }
                continue
            }
            if raw.isEmpty {
                if question.isRequired { missing.append(question) }
                continue
            }
            var effects: [AnswerEffect] = []
            if question.kind.isMeasured {
                guard raw.count == 1 else { throw .tooManyAnswers(values: raw, question: question) }
                let (value, option) = try measure(raw[0], question: question, node: offset, asOf: asOf)
                canonical.set([value], for: question.id, isNumber: question.kind == .number)
                effects = space.nodes[offset].options[option].effects
            } else {
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
                effects = chosen.flatMap { question.answer(value: $0)?.effects ?? [] }
            }
            for effect in effects {
                guard let member = memberIndex[effect.member] else { continue }
                switch effect {
                case .includeMember: included.insert(member)
                case .excludeMember: excluded.insert(member)
                case .excludeMaterial(_, let name, _): dropped[member, default: []].insert(name)
                case .addMaterial(_, let material, _): added[member, default: []].append(material)
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

    /// Parses a number or date answer: its canonical text and the interval (option) holding it.
    func measure(_ raw: String, question: Question, node: Int, asOf: CalendarDay?)
        throws(CompositionError) -> (String, Int)
    {
        let text = raw.trimmingCharacters(in: .whitespaces)
        let value: QuestionNumber
        let canonical: String
        if question.kind == .number {
            let unit = question.unit ?? ""
            let digits = !unit.isEmpty && text.hasSuffix(unit) ? String(text.dropLast(unit.count)) : text
            guard let number = QuestionNumber(digits.trimmingCharacters(in: .whitespaces)) else {
                throw .invalidValue(
                    value: raw, question: question,
                    reason: "应为不小于 0 的十进制数（如 120 或 49.5，最多 6 位小数），单位\(unit)")
            }
            value = number
            canonical = number.description
        } else {
            guard let date = CalendarDay(iso: text) else {
                throw .invalidValue(
                    value: raw, question: question,
                    reason: CalendarDay.problem(parsing: text) ?? "格式应为 YYYY-MM-DD，如 2026-03-01")
            }
            let reference = asOf ?? .today()
            let unit = question.unit ?? "日"
            guard let elapsed = ElapsedTime.elapsed(from: date, to: reference, unit: unit) else {
                throw .invalidValue(value: raw, question: question, reason: "晚于受理日期 \(reference)")
            }
            value = QuestionNumber(elapsed)
            canonical = date.description
        }
        guard let option = space.option(of: node, holding: value) else {
            throw .invalidValue(value: raw, question: question, reason: "不在任何区间内")
        }
        return (canonical, option)
    }

    /// Every valid, complete answer set, streamed in a stable order (see ``AnswerSetSequence``); with `fixed`
    /// (from ``fixedChoices(_:asOf:)``) only those that show and answer the given questions so.
    func answerSets(asOf: CalendarDay, fixed: FixedAnswers = FixedAnswers()) -> AnswerSetSequence {
        AnswerSetSequence(space: space, asOf: asOf, fixed: fixed)
    }

    /// Partial answers as choice numbers per question (see ``SituationSpace/options(of:choice:)``), checked like
    /// complete ones: an unknown question or answer, several answers to a single-choice question, a malformed
    /// number or date are errors.
    func fixedChoices(_ given: AnswerSet, asOf: CalendarDay) throws(CompositionError) -> FixedAnswers {
        var fixed = FixedAnswers()
        for id in given.values.keys {
            guard let index = questionIndex[id] else { throw .unknownQuestion(id, matter: matter.code) }
            let question = matter.questions[index]
            let raw = given[id]
            var chosen: [Int] = []
            if question.kind.isMeasured {
                guard raw.count == 1 else { throw .tooManyAnswers(values: raw, question: question) }
                let (value, option) = try measure(raw[0], question: question, node: index, asOf: asOf)
                chosen = [option]
                fixed.values[index] = value
            } else {
                for value in raw {
                    let spelled = question.kind == .yesNo ? (Self.canonicalYesNo(value) ?? value) : value
                    guard let option = space.nodes[index].options.firstIndex(where: { $0.value == spelled }) else {
                        throw .unknownAnswer(value: value, question: question)
                    }
                    chosen.append(option)
                }
                if (question.kind != .multiple && chosen.count > 1) || Set(chosen).count != chosen.count {
                    throw .tooManyAnswers(values: raw, question: question)
                }
            }
            fixed.choices[index] = space.choice(of: index, options: chosen)
        }
        return fixed
    }

    /// The first `limit` answer sets of ``answerSets(asOf:)``, dated today.
    func enumerate(limit: Int = 4096) -> [AnswerSet] {
        Array(answerSets(asOf: .today()).prefix(limit))
    }

    /// The exact number of valid, complete answer sets; nil when the questionnaire is too entangled to count
    /// (see ``AnswerSetCounter/stateLimit``).
    func countAnswerSets(fixed: FixedAnswers = FixedAnswers()) -> AnswerSetCount? {
        var counter = AnswerSetCounter(space: space)
        counter.fixed = fixed.choices
        return counter.count()
    }
}

/// Given answers of some questions, as the walks use them.
struct FixedAnswers: Sendable {
    /// Question index → choice number (see ``SituationSpace/options(of:choice:)``).
    var choices: [Int: UInt64] = [:]
    /// Question index → the given value of a number or date question, kept as given (normalised).
    var values: [Int: String] = [:]
}
