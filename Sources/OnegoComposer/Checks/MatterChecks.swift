import Foundation
public import OnegoBase
public import OnegoCatalog

/// Bundle checks, reported as diagnostics with file, line and column.
///
/// Which questions can be shown and which members can be selected is decided exactly by
/// ``SituationReachability`` (no answer set is listed); the promise and order checks compose each distinct
/// selection of the first ``answerSetLimit`` answer sets.
///
/// | rule | severity | finds |
/// |---|---|---|
/// | `matter.duplicate-id` | error | a member, question or form-field id used twice |
/// | `matter.reference.member` | error | `after`, a stage, an answer effect or a form mapping naming no member |
/// | `matter.reference.question` | error | a follow-up condition naming no earlier question |
/// | `matter.reference.answer` | error | a follow-up condition naming an answer its question does not offer |
/// | `matter.answer.unreachable` | error | an answer that can never be chosen (a repeated value; a yes/no answer other than 是/否; an answer that shows a follow-up no answer can complete) |
/// | `matter.member.unknown-code` | error | a member code that is not in the catalog |
/// | `matter.question.unreachable` | error | a question no answer set shows |
/// | `matter.member.never-selected` | error | a member no answer set selects |
/// | `matter.cycle` | error | members that must each run before the other (the cycle spelled out) |
/// | `matter.promise.short` | error | a bundle promise shorter than the critical path of some answer set |
/// | `matter.material.idle` | warning | an answer's material drop or addition that never applies to a selected member |
/// | `matter.threshold.unit` | error | a threshold written in another unit than its question's |
/// | `matter.threshold.overlap` | error | two thresholds of one question with the same range |
/// | `matter.threshold.contradiction` | error | thresholds that include and exclude one member (or add and drop one material) for the same values, or a bound no answer can meet |
/// | `matter.value` | error | a malformed number or unit in a number or date question |
/// | `matter.audience` | error | several audiences but no question picking each, or an answer picking an audience the matter does not serve |
/// | `matter.enumeration.truncated` | note | more answer sets than the promise and order checks compose (reachability stays exact) |
/// | `matter.joint-form.*` | error | see ``JointFormChecks`` |
public enum MatterChecks {
    /// The most answer sets walked per matter for the promise and order checks, when every selectable member
    /// together breaks the promise or forms a cycle (else none is needed).
    public static let answerSetLimit = 4096
    /// The answer sets walked when there are more than ``answerSetLimit``.
    public static let sampledAnswerSets = 256

    /// Runs every check that needs the catalog (the reference checks run when loading). `officeHours` converts
    /// hours into working days exactly as the composer does.
    public static func run(
        matters: [Matter], catalog: Catalog, synonyms: SynonymTable = .empty, officeHours: OfficeHours = .standard
    ) -> [Diagnostic] {
        let composer = Composer(catalog: catalog, synonyms: synonyms, officeHours: officeHours)
        var diagnostics: [Diagnostic] = []
        for matter in matters { diagnostics += run(matter: matter, composer: composer) }
        return diagnostics.sortedByLocation()
    }

    /// An answer that drops a material must name one the member item really asks for (by its catalog name):
    /// a misspelt name would silently leave the material on the applicant's list.
    private static func excludedMaterialProblems(matter: Matter, catalog: Catalog) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let codes = Dictionary(matter.members.map { ($0.id, $0.code) }, uniquingKeysWith: { first, _ in first })
        for question in matter.questions {
            for effects in question.answers.map(\.effects) + question.thresholds.map(\.effects) {
                for case .excludeMaterial(let member, let name, let location) in effects {
                    guard let code = codes[member], let item = catalog.item(code: code) else { continue }
                    guard !item.materials.contains(where: { $0.name == name }) else { continue }
                    let known = item.materials.map(\.name).joined(separator: "、")
                    diagnostics.append(
                        Diagnostic(
                            .error, rule: .matterMaterialUnknown,
                            message: "回答要免去的材料“\(name)”不在成员事项 \(member)（\(item.name)）的申请材料中；该事项的材料为：\(known)",
                            at: location))
                }
            }
        }
        return diagnostics
    }

    private static func run(matter: Matter, composer: Composer) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for member in matter.members where composer.catalog.item(code: member.code) == nil {
            diagnostics.append(
                Diagnostic(
                    .error, rule: .matterMemberUnknownCode,
                    message: "成员事项 \(member.id) 的编码 \(member.code) 不在事项目录中", at: member.location))
        }
        diagnostics += excludedMaterialProblems(matter: matter, catalog: composer.catalog)
        diagnostics += JointFormChecks.run(matter: matter, catalog: composer.catalog)
        let reachability = SituationReachability(space: composer.prepared(matter).resolver.space, matter: matter)
        let walk = walkAnswerSets(matter, reachability: reachability, composer: composer)
        diagnostics += walk.diagnostics
        diagnostics += reachabilityProblems(matter, reachability: reachability)
        if let worst = walk.worst, let problem = promiseProblem(matter, worst: worst, hours: composer.officeHours) {
            diagnostics.append(problem)
        }
        return diagnostics
    }

    /// Composes the distinct selections of the answer sets the limits allow, for order cycles and the longest
    /// critical path. The critical path only grows with more members and more materials, and a cycle among some
    /// members is a cycle among all: when every selectable member together is fine, every answer set is, and
    /// nothing is walked. Otherwise the first `answerSetLimit` answer sets are (a sample, and a note, beyond it).
    private static func walkAnswerSets(
        _ matter: Matter, reachability: SituationReachability, composer: Composer
    ) -> (diagnostics: [Diagnostic], worst: (days: Rational, answers: AnswerSet)?) {
        var diagnostics: [Diagnostic] = []
        let prepared = composer.prepared(matter)
        let isBoundSafe = Self.everyMemberTogetherIsSafe(matter, reachability: reachability, composer: composer)
        let total = prepared.resolver.countAnswerSets()
        let isLarge = total.map { $0 > AnswerSetCount(UInt64(answerSetLimit)) } ?? true
        let walked = isBoundSafe ? 0 : (isLarge ? sampledAnswerSets : answerSetLimit)
        if !isBoundSafe && isLarge {
            let counted = total.map { "共 \($0) 种" } ?? "无法精确计数"
            diagnostics.append(
                Diagnostic(
                    .note, rule: .matterEnumerationTruncated,
                    message: "情形组合\(counted)，超过 \(answerSetLimit) 种，且全部成员同时办理时超出承诺时限或顺序成环："
                        + "承诺时限和先后顺序只按前 \(walked) 种检查（问题、答案和成员事项的可达性已精确判定）",
                    at: matter.location))
        }
        var cycles = Set<Set<String>>()
        var worst: (days: Rational, answers: AnswerSet)?
        var outcomes = Set<OutcomeKey>()
        for answers in prepared.resolver.answerSets(asOf: .today()).prefix(walked) {
            guard let outcome = try? prepared.resolver.resolve(answers) else { continue }
            guard outcome.selected.allSatisfy({ prepared.items[$0] != nil }) else { continue }
            // Answer sets with the same selection compose alike.
            guard outcomes.insert(OutcomeKey(outcome)).inserted else { continue }
            do {
                let composition = try composer.compose(matter: matter, answers: answers)
                if worst == nil || composition.workingDays.criticalExact > (worst?.days ?? .zero) {
                    worst = (composition.workingDays.criticalExact, answers)
                }
            } catch {
                if case .cycle(let ids, let location) = error, cycles.insert(Set(ids)).inserted {
                    let names = ids.map { id in
                        let code = matter.member(id: id)?.code ?? ""
                        return "\(id)（\(composer.catalog.item(code: code)?.name ?? code)）"
                    }
                    diagnostics.append(
                        Diagnostic(
                            .error, rule: .matterCycle,
                            message: "成员事项的先后顺序形成循环：\(names.joined(separator: " → "))", at: location))
                }
            }
        }
        return (diagnostics, worst)
    }

    /// Questions never shown, answers never choosable, members never selected, material effects never applied:
    /// decided exactly by ``SituationReachability``.
    private static func reachabilityProblems(
        _ matter: Matter, reachability: SituationReachability
    ) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let shown = reachability.shownQuestions
        for question in matter.questions where !shown.contains(question.id) {
            diagnostics.append(
                Diagnostic(
                    .error, rule: .matterQuestionUnreachable,
                    message: "情形问题 \(question.id)（\(question.text)）在任何回答组合下都不会出现，其答案无法选择",
                    at: question.location))
        }
        for question in matter.questions where shown.contains(question.id) && !question.kind.isMeasured {
            // Repeated values and yes/no answers other than 是/否 are reported when loading.
            var values = Set<String>()
            for answer in question.answers where values.insert(answer.value).inserted {
                guard question.kind != .yesNo || answer.value == "是" || answer.value == "否" else { continue }
                guard reachability.reachableAnswers[question.id]?.contains(answer.value) != true else { continue }
                diagnostics.append(
                    Diagnostic(
                        .error, rule: .matterAnswerUnreachable,
                        message: "情形问题 \(question.id) 的答案“\(answer.value)”在任何回答组合下都不能选择：选择它会出现无法作答的追问",
                        at: answer.location))
            }
        }
        for (offset, member) in matter.members.enumerated() where !reachability.selectableMembers.contains(offset) {
            diagnostics.append(
                Diagnostic(
                    .error, rule: .matterMemberNeverSelected,
                    message: "成员事项 \(member.id) 在任何回答组合下都不会被选中", at: member.location))
        }
        for effect in reachability.idleMaterialEffects {
            let (verb, name) = Self.describe(effect)
            diagnostics.append(
                Diagnostic(
                    .warning, rule: .matterMaterialIdle,
                    message: "\(verb)成员事项 \(effect.member) 的材料“\(name)”在任何回答组合下都不会生效（选中该答案时该成员事项未被选中）",
                    at: effect.location))
        }
        return diagnostics
    }

    /// The promise shorter than the longest critical path, compared exactly: hours and working days through the
    /// composer's own office-hours conversion.
    private static func promiseProblem(
        _ matter: Matter, worst: (days: Rational, answers: AnswerSet), hours: OfficeHours
    ) -> Diagnostic? {
        guard worst.days > hours.workingDays(matter.promisedLimit) else { return nil }
        let answers = worst.answers.isEmpty ? "" : "（情形 \(worst.answers)）"
        let path =
            matter.promisedLimit.unit == .hours || matter.promisedLimit.unit == .minutes
            ? "\(format((worst.days * Rational(hours.minutesPerDay, 60)).doubleValue)) 小时"
            : "\(format(worst.days.doubleValue)) 个工作日"
        return Diagnostic(
            .error, rule: .matterPromiseShort,
            message: "一件事承诺时限 \(matter.promisedLimit) 短于关键路径 \(path)\(answers)", at: matter.promisedLimitLocation)
    }

    /// Checks the references inside one matter (ids of members, questions and answers); no catalog needed.
    public static func references(in matter: Matter) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var members: [String: SourceLocation] = [:]
        for member in matter.members {
            if let first = members[member.id] {
                diagnostics.append(duplicate("成员事项", member.id, member.location, first: first))
            } else {
                members[member.id] = member.location
            }
        }
        let known = members
        let member = { (id: String, location: SourceLocation, place: String) -> Diagnostic? in
            known[id] != nil
                ? nil
                : Diagnostic(
                    .error, rule: .matterReferenceMember, message: "\(place)引用的成员事项 \(id) 不存在", at: location)
        }
        for item in matter.members {
            diagnostics += item.after.compactMap { member($0, item.location, "成员事项 \(item.id) 的 after ") }
        }
        var staged: Set<String> = []
        for stage in matter.stages {
            for id in stage.members {
                if let problem = member(id, stage.location, "阶段") { diagnostics.append(problem) }
                if !staged.insert(id).inserted {
                    diagnostics.append(
                        Diagnostic(
                            .error, rule: .matterDuplicateID, message: "成员事项 \(id) 出现在多个阶段中",
                            at: stage.location))
                }
            }
        }
        diagnostics += questionReferences(in: matter, member: member)
        diagnostics += SituationChecks.problems(in: matter)
        var fields: [String: SourceLocation] = [:]
        for field in matter.formFields {
            if let first = fields[field.id] {
                diagnostics.append(duplicate("表单字段", field.id, field.location, first: first))
            }
            fields[field.id] = fields[field.id] ?? field.location
            diagnostics += field.mappings.compactMap { member($0.member, $0.location, "表单字段 \(field.id) ") }
        }
        return diagnostics
    }

    private static func duplicate(_ kind: String, _ id: String, _ at: SourceLocation, first: SourceLocation)
        -> Diagnostic
    {
        Diagnostic(.error, rule: .matterDuplicateID, message: "\(kind)编号 \(id) 重复", at: at, related: [first])
    }

    /// Question ids, follow-up conditions, answer values and the members answers and thresholds name.
    private static func questionReferences(
        in matter: Matter, member: (String, SourceLocation, String) -> Diagnostic?
    ) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var questions: [String: Question] = [:]
        for question in matter.questions {
            if let first = questions[question.id] {
                diagnostics.append(duplicate("情形问题", question.id, question.location, first: first.location))
                continue
            }
            for condition in question.shownWhen {
                guard let parent = questions[condition.question] else {
                    let later = matter.questions.contains { $0.id == condition.question }
                    diagnostics.append(
                        Diagnostic(
                            .error, rule: .matterReferenceQuestion,
                            message: later
                                ? "追问条件引用的情形问题 \(condition.question) 必须排在 \(question.id) 之前"
                                : "追问条件引用的情形问题 \(condition.question) 不存在",
                            at: condition.location))
                    continue
                }
                if parent.answer(value: condition.answer) == nil {
                    diagnostics.append(
                        Diagnostic(
                            .error, rule: .matterReferenceAnswer,
                            message: "情形问题 \(parent.id) 没有答案“\(condition.answer)”，追问 \(question.id) 永远不会出现",
                            at: condition.location))
                }
            }
            diagnostics += answerProblems(question, member: member)
            questions[question.id] = question
        }
        return diagnostics
    }

    /// Repeated answer values, yes/no answers other than 是/否, and members named by answers and thresholds.
    private static func answerProblems(
        _ question: Question, member: (String, SourceLocation, String) -> Diagnostic?
    ) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var values: [String: SourceLocation] = [:]
        for answer in question.answers {
            if let first = values[answer.value] {
                diagnostics.append(
                    Diagnostic(
                        .error, rule: .matterAnswerUnreachable,
                        message: "情形问题 \(question.id) 的答案“\(answer.value)”重复，后一个永远不会被选中",
                        at: answer.location, related: [first]))
            } else if question.kind == .yesNo && answer.value != "是" && answer.value != "否" {
                diagnostics.append(
                    Diagnostic(
                        .error, rule: .matterAnswerUnreachable,
                        message: "是否题 \(question.id) 只能回答“是”或“否”，答案“\(answer.value)”永远不会被选中",
                        at: answer.location))
            } else {
                values[answer.value] = answer.location
            }
            diagnostics += answer.effects.compactMap {
                member($0.member, $0.location, "情形问题 \(question.id) 的答案“\(answer.value)”")
            }
        }
        for threshold in question.thresholds {
            diagnostics += threshold.effects.compactMap {
                member($0.member, $0.location, "情形问题 \(question.id) 的阈值 \(threshold.condition) ")
            }
        }
        return diagnostics
    }

    /// Whether the matter with every selectable member at once, with every material addition that can happen and
    /// no drop, has no order cycle and a critical path within the promise: an upper bound for every answer set.
    private static func everyMemberTogetherIsSafe(
        _ matter: Matter, reachability: SituationReachability, composer: Composer
    ) -> Bool {
        var all = matter
        all.members = matter.members.enumerated().compactMap { offset, member in
            guard reachability.selectableMembers.contains(offset), composer.catalog.item(code: member.code) != nil
            else { return nil }
            var always = member
            always.selection = .always
            return always
        }
        let idle = Set(reachability.idleMaterialEffects)
        let additions = matter.questions.flatMap { $0.answers.flatMap(\.effects) + $0.thresholds.flatMap(\.effects) }
            .filter { effect in
                if case .addMaterial = effect { return !idle.contains(effect) }
                return false
            }
        all.questions = [
            Question(id: "all", kind: .yesNo, text: "", answers: [AnswerOption(value: "是", effects: additions)])
        ]
        all.code = matter.code + "#all"
        guard let composition = try? composer.compose(matter: all, answers: ["all": "是"]) else { return false }
        return composition.workingDays.criticalExact <= composer.officeHours.workingDays(matter.promisedLimit)
    }

    private static func describe(_ effect: AnswerEffect) -> (String, String) {
        switch effect {
        case .excludeMaterial(_, let name, _): ("免去", name)
        case .addMaterial(_, let material, _): ("增加", material.name)
        case .includeMember(let id, _), .excludeMember(let id, _): ("", id)
        }
    }

    private static func format(_ days: Double) -> String {
        days.rounded() == days ? String(Int(days)) : String(format: "%.2f", days)
    }
}
