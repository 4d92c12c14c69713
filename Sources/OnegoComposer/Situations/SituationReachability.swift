/// What some valid, complete answer set of a matter can do: the questions it can show, the answers it can
/// choose, the members it can select and the material drops and additions that can happen, each decided exactly
/// without listing answer sets.
///
/// ## How
/// A question is shown when one of its conditions (an earlier question answered a given way) holds, and the
/// answers of one question constrain no other, so "can be shown" propagates forwards: a question can be shown
/// when it has no conditions, or when a condition names an answer that can be chosen on a question that can
/// be shown. Restrictions ("never choose an answer that excludes member m") are folded in by a fixpoint: a
/// required question whose every allowed answer is forbidden, or would show such a question, must stay hidden,
/// which forbids the answers that would show it. Each step is linear in the matter, so member selection costs
/// O(members × questions × answers) at worst. Material effects need two things at once (their answer chosen
/// and their member selected) and use ``AnswerSetCounter``'s layered walk.
public struct SituationReachability: Sendable {
    /// Whether the matter has at least one valid, complete answer set.
    public let hasAnswerSet: Bool
    /// Ids of the questions some answer set shows.
    public let shownQuestions: Set<String>
    /// Per question id, the answer values some answer set chooses (for number and date questions, the lower
    /// bounds of the reachable intervals).
    public let reachableAnswers: [String: Set<String>]
    /// Indexes into `matter.members` of the members some answer set selects.
    public let selectableMembers: Set<Int>
    /// Material drops and additions (`excludeMaterial`, `addMaterial`) that no answer set applies to a selected
    /// member, in file order (an effect whose walk outgrows ``AnswerSetCounter/stateLimit`` is not listed).
    public let idleMaterialEffects: [AnswerEffect]

    /// Decides everything for a matter.
    public init(matter: Matter) {
        self.init(space: SituationSpace(matter: matter), matter: matter)
    }

    init(space: SituationSpace, matter: Matter) {
        guard let base = Self.propagate(space, forbidden: { _, _ in false }) else {
            hasAnswerSet = false
            shownQuestions = []
            reachableAnswers = [:]
            selectableMembers = []
            idleMaterialEffects = []
            return
        }
        hasAnswerSet = true
        var shown = Set<String>()
        var answers: [String: Set<String>] = [:]
        for (index, node) in space.nodes.enumerated() where base.showable[index] {
            shown.insert(node.question.id)
            for (option, value) in node.options.enumerated() where base.usable[index][option] {
                answers[node.question.id, default: []].insert(value.value)
            }
        }
        shownQuestions = shown
        reachableAnswers = answers
        let effects = space.nodes.map { $0.options.map { space.memberEffects($0) } }
        var selectable = Set<Int>()
        for (member, declared) in matter.members.enumerated() where space.memberIndex[declared.id] == member {
            let excludes = { (node: Int, option: Int) in effects[node][option].excluded.contains(member) }
            guard let found = Self.propagate(space, forbidden: excludes) else { continue }
            let isSelectable =
                declared.selection == .always
                || space.nodes.indices.contains { node in
                    found.showable[node]
                        && effects[node].indices.contains { option in
                            found.usable[node][option] && effects[node][option].included.contains(member)
                        }
                }
            if isSelectable { selectable.insert(member) }
        }
        selectableMembers = selectable
        idleMaterialEffects = Self.idleMaterialEffects(space, matter: matter, memberEffects: effects)
    }

    /// The questions that can be shown and the answers that can be chosen when `forbidden` answers are never
    /// chosen; nil when no complete answer set avoids them.
    static func propagate(_ space: SituationSpace, forbidden: (Int, Int) -> Bool)
        -> (showable: [Bool], usable: [[Bool]])?
    {
        let nodes = space.nodes
        var usable = nodes.enumerated().map { index, node in
            node.options.indices.map { node.isActive && !forbidden(index, $0) }
        }
        var hidden = nodes.map { !$0.isActive }
        var changed = true
        while changed {
            changed = false
            for (index, node) in nodes.enumerated() where !hidden[index] {
                for option in node.options.indices where usable[index][option] {
                    if node.followUps[option].contains(where: { hidden[$0] }) { usable[index][option] = false }
                }
                if node.question.isRequired && !usable[index].contains(true) {
                    hidden[index] = true
                    changed = true
                }
            }
        }
        if nodes.indices.contains(where: { nodes[$0].isActive && hidden[$0] && !nodes[$0].hasConditions }) {
            return nil
        }
        var showable = [Bool](repeating: false, count: nodes.count)
        for (index, node) in nodes.enumerated() where !hidden[index] {
            showable[index] =
                !node.hasConditions
                || node.conditions.contains { showable[$0.question] && usable[$0.question][$0.option] }
        }
        return (showable, usable)
    }

    /// The material effects that never apply to a selected member.
    private static func idleMaterialEffects(
        _ space: SituationSpace, matter: Matter, memberEffects: [[(included: [Int], excluded: [Int])]]
    ) -> [AnswerEffect] {
        var idle: [AnswerEffect] = []
        var seen = Set<AnswerEffect>()
        let counter = AnswerSetCounter(space: space)
        for node in space.nodes where node.isActive {
            for option in node.options {
                for effect in option.effects where seen.insert(effect).inserted {
                    switch effect {
                    case .includeMember, .excludeMember: continue
                    case .excludeMaterial, .addMaterial: break
                    }
                    guard let member = space.memberIndex[effect.member] else { continue }
                    let isAlways = matter.members[member].selection == .always
                    let count = counter.count(
                        mark: { index, choice in
                            let effects = memberEffects[index][choice]
                            guard !effects.excluded.contains(member) else { return (false, 0) }
                            var flags: UInt8 = effects.included.contains(member) ? 1 : 0
                            if space.nodes[index].options[choice].effects.contains(effect) { flags |= 2 }
                            return (true, flags)
                        },
                        accepts: { flags in flags & 2 != 0 && (isAlways || flags & 1 != 0) })
                    if let count, count.isZero { idle.append(effect) }
                }
            }
        }
        return idle
    }
}
