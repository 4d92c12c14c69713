public import OnegoCatalog

/// A matter's situation questions as plain data for a resolver outside Swift (the handbook site's script): which
/// questions are shown when, the options of each (number and date questions as intervals of micro-units), and what
/// each option selects. A client that follows ``SituationSheet`` gets the same ``Composer/situationSignature(for:answers:asOf:)``
/// as the composer for every answer set.
public struct SituationSheet: Sendable, Hashable, Encodable {
    /// One member: whether it is in every composition (unless excluded), and whether it counts at all (a
    /// repeated member id counts once, at its first position).
    public struct Member: Sendable, Hashable, Encodable {
        /// The member's id in the matter file.
        public var id: String
        /// `selection="always"`.
        public var always: Bool
        /// Whether this position is the member's first (later duplicates never enter a composition).
        public var counts: Bool
    }

    /// One option of a question.
    public struct Option: Sendable, Hashable, Encodable {
        /// The value stored in answer sets (a number question's interval start for measured questions).
        public var value: String
        /// The text shown.
        public var label: String
        /// For number and date questions: the interval `[lower, upper)` in millionths, as 18-digit zero-padded
        /// decimal strings (so a client compares them as text); nil for listed options.
        public var lower: String?
        /// The interval's exclusive upper end; nil when unbounded or for listed options.
        public var upper: String?
        /// Member indexes this option includes.
        public var include: [Int]
        /// Member indexes this option excludes.
        public var exclude: [Int]
        /// Marks of the material effects (dropped or added material) this option fires, `q.o.e`.
        public var marks: [String]
    }

    /// One question.
    public struct Question: Sendable, Hashable, Encodable {
        /// The question's id.
        public var id: String
        /// `yesNo`, `single`, `multiple`, `number` or `date`.
        public var kind: String
        /// Whether a shown question must be answered.
        public var required: Bool
        /// The question text.
        public var text: String
        /// The hint, if any.
        public var hint: String?
        /// The unit of a number or date question.
        public var unit: String?
        /// Whether the question has conditions at all (with none of `shown` holding, it is hidden).
        public var conditional: Bool
        /// Conditions `[question id, answer value]`, any of which shows the question (conditions on number and
        /// date questions never hold and are left out).
        public var shown: [[String]]
        /// The options, in the resolver's order.
        public var options: [Option]
    }

    /// The matter's code.
    public var matter: String
    /// The members, in file order.
    public var members: [Member]
    /// The questions, in the order they are asked.
    public var questions: [Question]
}

extension Composer {
    /// The matter's questions as data for a client-side resolver.
    public func situationSheet(for matter: Matter) -> SituationSheet {
        let resolver = prepared(matter).resolver
        let space = resolver.space
        let members = matter.members.enumerated().map { offset, member in
            SituationSheet.Member(
                id: member.id, always: member.selection == .always, counts: space.memberIndex[member.id] == offset)
        }
        let questions = space.nodes.enumerated().map { index, node in
            let question = node.question
            let options = node.options.enumerated().map { position, option in
                let (included, excluded) = space.memberEffects(option)
                var marks: [String] = []
                for (offset, effect) in option.effects.enumerated() where space.memberIndex[effect.member] != nil {
                    switch effect {
                    case .excludeMaterial, .addMaterial: marks.append("\(index).\(position).\(offset)")
                    case .includeMember, .excludeMember: break
                    }
                }
                return SituationSheet.Option(
                    value: option.value,
                    label: question.kind.isMeasured
                        ? option.value : (question.answer(value: option.value)?.displayText ?? option.value),
                    lower: option.lower.map(Self.padded), upper: option.upper.map(Self.padded), include: included,
                    exclude: excluded, marks: marks)
            }
            return SituationSheet.Question(
                id: question.id, kind: question.kind.rawValue, required: question.isRequired, text: question.text,
                hint: question.hint, unit: question.unit, conditional: !question.shownWhen.isEmpty,
                shown: question.shownWhen.filter { !resolver.measured.contains($0.question) }.map {
                    [$0.question, $0.answer]
                }, options: options)
        }
        return SituationSheet(matter: matter.code, members: members, questions: questions)
    }

    /// What an answer set decides, as text: the selected members and the material effects that fire, e.g.
    /// `0,2,3|1.0.0,4.1.0`. Two answer sets with the same signature compose the same members and materials (the
    /// answers themselves aside). Date questions measure elapsed time on `asOf` (today when nil).
    ///
    /// - Throws: ``CompositionError`` for incomplete or contradictory answers, as ``compose(matter:answers:accepted:acceptedAt:)``.
    public func situationSignature(
        for matter: Matter, answers: AnswerSet, asOf: CalendarDay? = nil
    ) throws(CompositionError) -> String {
        let resolver = prepared(matter).resolver
        let outcome = try resolver.resolve(answers, asOf: asOf)
        var marks: [String] = []
        for (index, node) in resolver.space.nodes.enumerated() {
            let values = outcome.answers[node.question.id]
            guard node.isActive, !values.isEmpty else { continue }
            var chosen: [Int] = []
            if node.question.kind.isMeasured {
                chosen = [try resolver.measure(values[0], question: node.question, node: index, asOf: asOf).1]
            } else {
                chosen = values.compactMap { value in node.options.firstIndex { $0.value == value } }
            }
            for position in chosen {
                for (offset, effect) in node.options[position].effects.enumerated()
                where resolver.space.memberIndex[effect.member] != nil {
                    switch effect {
                    case .excludeMaterial, .addMaterial: marks.append("\(index).\(position).\(offset)")
                    case .includeMember, .excludeMember: break
                    }
                }
            }
        }
        return outcome.selected.map(String.init).joined(separator: ",") + "|" + marks.sorted().joined(separator: ",")
    }

    /// Millionths as an 18-digit zero-padded decimal string.
    static func padded(_ number: QuestionNumber) -> String {
        let digits = String(number.micros)
        return String(repeating: "0", count: max(0, 18 - digits.count)) + digits
    }
}
