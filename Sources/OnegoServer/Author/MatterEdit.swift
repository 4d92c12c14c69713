import Foundation
import OnegoBase
import OnegoCatalog
import OnegoComposer
import OnegoXML

/// One change the matter author's forms post (`action=…`), applied to a draft matter.
///
/// | action | fields |
/// |---|---|
/// | `basics` | name, summary, lead, cooperating (one per line), limit, unit, note, audience (one or more) |
/// | `addMember` | code, selection, id (optional) |
/// | `selection` | member, selection |
/// | `removeMember` | member |
/// | `addQuestion` | id, kind, text, hint, required, unit, answers (separated by 、 , or line breaks), shownWhen (question=answer) |
/// | `removeQuestion` | question |
/// | `addThreshold` | question, atLeast, below |
/// | `addEffect` | target (question/answer or question/#threshold), effect, member, material |
/// | `removeEffect` | target, index |
/// | `jointForm` | name (empty removes it), replaces (on/absent) |
/// | `editQuestion` | question, text, hint, required, unit, answers, shownWhen (see ``MatterEdit/editQuestion(_:_:)``) |
/// | `addStage` | name, member (one or more ids) |
/// | `removeStage` | index (from 0) |
/// | `addField` | id, label, `map.MEMBER` (the member's own field name, one or more) |
/// | `removeField` | field |
/// | `intake` | mode, delivery (mode empty removes the declaration) |
/// | `answerAudience` | question, answer, audience (empty clears it) |
/// | `addReplaced` | member, material |
/// | `removeReplaced` | index (from 0) |
/// | `moveStage` | index (from 0), direction (`up` or `down`) |
enum MatterEdit {
    static let nowhere = SourceLocation(file: "", line: 0, column: 0)

    /// Applies the posted change to `matter`, or throws why it cannot.
    static func apply(_ fields: FormFields, to matter: inout Matter, catalog: Catalog) throws(AuthorError) {
        switch fields["action"] ?? "" {
        case "basics":
            guard !fields.values("audience").isEmpty else { throw AuthorError("请至少选择一个服务对象") }
            try basics(fields, &matter)
        case "addMember": try addMember(fields, &matter, catalog: catalog)
        case "selection":
            let index = try memberIndex(fields["member"], matter)
            matter.members[index].selection = MemberSelection(rawValue: fields["selection"] ?? "") ?? .always
        case "removeMember":
            let index = try memberIndex(fields["member"], matter)
            let id = matter.members.remove(at: index).id
            for i in matter.members.indices { matter.members[i].after.removeAll { $0 == id } }
        case "addQuestion": try addQuestion(fields, &matter)
        case "removeQuestion":
            let id = fields["question"] ?? ""
            guard matter.question(id: id) != nil else { throw AuthorError("没有问题 \(id)") }
            matter.questions.removeAll { $0.id == id }
        case "addThreshold": try addThreshold(fields, &matter)
        case "addEffect": try addEffect(fields, &matter)
        case "removeEffect": try removeEffect(fields, &matter)
        case "jointForm":
            if let name = fields["name"] {
                var form = matter.jointForm ?? JointForm(name: name)
                form.name = name
                form.replacesApplicationForms = fields["replaces"] != nil
                matter.jointForm = form
            } else {
                matter.jointForm = nil
            }
        case "editQuestion": try editQuestion(fields, &matter)
        case "addStage": try addStage(fields, &matter)
        case "removeStage": try removeStage(fields, &matter)
        case "addField": try addField(fields, &matter)
        case "removeField": try removeField(fields, &matter)
        case "intake": try intake(fields, &matter)
        case "answerAudience": try answerAudience(fields, &matter)
        case "addReplaced": try addReplaced(fields, &matter, catalog: catalog)
        case "removeReplaced": try removeReplaced(fields, &matter)
        case "moveStage": try moveStage(fields, &matter)
        case let other: throw AuthorError("未知的编辑操作：\(other)")
        }
    }

    /// Where the author page opens after the change `action` was applied: the section it changed (the fragment of
    /// the redirect), so that on a phone the officer sees the result rather than the top of a long page.
    static func section(after action: String?) -> String {
        switch action ?? "" {
        case "basics": "#" + DraftField.elementID("basics")
        case "addMember", "selection", "removeMember": "#" + DraftField.elementID("members")
        case "addStage", "removeStage", "moveStage": "#" + DraftField.elementID("stages")
        case "addField", "removeField": "#" + DraftField.elementID("sharedForm")
        case "intake": "#" + DraftField.elementID("intake")
        case "jointForm", "addReplaced", "removeReplaced": "#joint-form"
        case "": ""
        default: "#" + DraftField.elementID("questions")
        }
    }

    static func basics(_ fields: FormFields, _ matter: inout Matter) throws(AuthorError) {
        guard let name = fields["name"] else { throw AuthorError("请填写一件事名称") }
        guard let lead = fields["lead"] else { throw AuthorError("请填写牵头部门") }
        guard let value = fields["limit"].flatMap(Double.init), value >= 0, value <= 3650 else {
            throw AuthorError("承诺时限应为 0 到 3650 之间的数")
        }
        matter.name = name
        matter.summary = fields["summary"]
        matter.leadDepartment = lead
        matter.cooperatingDepartments = (fields["cooperating"] ?? "").split(whereSeparator: \.isNewline)
            .map { String($0).trimmingSpacesAndNewlines }.filter { !$0.isEmpty }
        matter.promisedLimit = TimeLimit(
            value, TimeUnit(rawValue: fields["unit"] ?? "") ?? .workingDays, note: fields["note"])
        let audiences = fields.values("audience").compactMap(ServiceObject.init(rawValue:))
        if let first = audiences.first {
            matter.audience = first
            matter.audiences = audiences.reduce(into: []) { list, audience in
                if !list.contains(audience) { list.append(audience) }
            }
        }
    }

    static func addMember(_ fields: FormFields, _ matter: inout Matter, catalog: Catalog) throws(AuthorError) {
        guard let code = fields["code"], let item = catalog.item(code: code) else {
            throw AuthorError("事项目录中没有编码 \(fields["code"] ?? "")")
        }
        let stored = item.id
        guard !matter.members.contains(where: { $0.code == stored }) else {
            throw AuthorError("“\(item.name)”已是成员事项")
        }
        var number = matter.members.count + 1
        while matter.member(id: "m\(number)") != nil { number += 1 }
        let id = fields["id"] ?? "m\(number)"
        guard isLocalId(id), matter.member(id: id) == nil else { throw AuthorError("成员标识 \(id) 无效或已被使用") }
        let selection = MemberSelection(rawValue: fields["selection"] ?? "") ?? .always
        matter.members.append(MatterMember(id: id, code: stored, selection: selection))
    }

    static func addQuestion(_ fields: FormFields, _ matter: inout Matter) throws(AuthorError) {
        guard let id = fields["id"], isLocalId(id), matter.question(id: id) == nil else {
            throw AuthorError("问题标识应为字母开头的英文标识且不重复（如 staff）")
        }
        guard let text = fields["text"] else { throw AuthorError("请填写问题") }
        let kind = QuestionKind(rawValue: fields["kind"] ?? "") ?? .yesNo
        var question = Question(
            id: id, kind: kind, isRequired: fields["required"] != nil || fields["kind"] == "yesNo", text: text,
            hint: fields["hint"], answers: [])
        switch kind {
        case .yesNo: question.answers = [AnswerOption(value: "是"), AnswerOption(value: "否")]
        case .single, .multiple:
            let values = (fields["answers"] ?? "").split(whereSeparator: { "、,，\n\r".contains($0) })
                .map { String($0).trimmingSpacesAndNewlines }.filter { !$0.isEmpty }
            guard values.count >= 2 else { throw AuthorError("选择题至少要有两个回答（用顿号分隔）") }
            question.answers = values.map { AnswerOption(value: $0) }
        case .number, .date:
            guard let unit = fields["unit"] else { throw AuthorError("数值题要写单位（如 平方米、人）") }
            question.unit = unit
        }
        if let condition = fields["shownWhen"] {
            let parts = condition.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw AuthorError("追问条件应写作 问题=回答") }
            question.shownWhen = [AnswerCondition(question: parts[0], answer: parts[1])]
        }
        matter.questions.append(question)
    }

    static func addThreshold(_ fields: FormFields, _ matter: inout Matter) throws(AuthorError) {
        let index = try questionIndex(fields["question"], matter)
        guard matter.questions[index].kind.isMeasured, let unit = matter.questions[index].unit else {
            throw AuthorError("只有数值题和日期题有阈值")
        }
        let atLeast = fields["atLeast"].flatMap(QuestionNumber.init)
        let below = fields["below"].flatMap(QuestionNumber.init)
        guard atLeast != nil || below != nil else { throw AuthorError("阈值至少要写“不小于”或“小于”之一（不小于 0 的数）") }
        matter.questions[index].thresholds.append(Threshold(atLeast: atLeast, below: below, unit: unit))
    }

    static func addEffect(_ fields: FormFields, _ matter: inout Matter) throws(AuthorError) {
        guard let member = fields["member"], matter.member(id: member) != nil else {
            throw AuthorError("请选择成员事项")
        }
        let effect: AnswerEffect
        switch fields["effect"] {
        case "includeMember": effect = .includeMember(member, at: nowhere)
        case "excludeMember": effect = .excludeMember(member, at: nowhere)
        case "excludeMaterial":
            guard let name = fields["material"] else { throw AuthorError("请填写要免去的材料名称（与目录一致）") }
            effect = .excludeMaterial(member: member, name: name, at: nowhere)
        default: throw AuthorError("请选择效果")
        }
        try modifyEffects(target: fields["target"], in: &matter) { $0.append(effect) }
    }

    static func removeEffect(_ fields: FormFields, _ matter: inout Matter) throws(AuthorError) {
        guard let index = fields["index"].flatMap(Int.init) else { throw AuthorError("缺少效果序号") }
        try modifyEffects(target: fields["target"], in: &matter) { effects in
            if effects.indices.contains(index) { effects.remove(at: index) }
        }
    }

    /// `target` is `question/answer` or `question/#n` (the n-th threshold, from 0).
    static func modifyEffects(
        target: String?, in matter: inout Matter, _ change: (inout [AnswerEffect]) -> Void
    ) throws(AuthorError) {
        let parts = (target ?? "").split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { throw AuthorError("请选择回答或阈值") }
        let q = try questionIndex(parts[0], matter)
        if parts[1].hasPrefix("#"), let t = Int(parts[1].dropFirst()),
            matter.questions[q].thresholds.indices.contains(t)
        {
            change(&matter.questions[q].thresholds[t].effects)
        } else if let a = matter.questions[q].answers.firstIndex(where: { $0.value == parts[1] }) {
            change(&matter.questions[q].answers[a].effects)
        } else {
            throw AuthorError("问题 \(parts[0]) 没有回答 \(parts[1])")
        }
    }

    static func memberIndex(_ id: String?, _ matter: Matter) throws(AuthorError) -> Int {
        guard let index = matter.members.firstIndex(where: { $0.id == id }) else {
            throw AuthorError("没有成员事项 \(id ?? "")")
        }
        return index
    }

    static func questionIndex(_ id: String?, _ matter: Matter) throws(AuthorError) -> Int {
        guard let index = matter.questions.firstIndex(where: { $0.id == id }) else {
            throw AuthorError("没有问题 \(id ?? "")")
        }
        return index
    }

    /// An NCName-like local id: an ASCII letter or `_`, then letters, digits, `_`, `-` or `.` (at most 64).
    static func isLocalId(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, id.unicodeScalars.count <= 64,
            first.isASCII, first.properties.isAlphabetic || first == "_"
        else { return false }
        return id.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-.".unicodeScalars.contains($0))
        }
    }

    /// A new matter with its basics (code, name, audience, lead department, promise) and no members yet.
    static func newMatter(_ fields: FormFields) throws(AuthorError) -> Matter {
        guard let code = fields["code"],
            code.range(of: "^[0-9A-Za-z][0-9A-Za-z_.\\-]{1,63}$", options: .regularExpression) != nil
        else { throw AuthorError("一件事编码应为 2–64 位字母、数字、点、下划线或连字符（如 YX-XSEXS）") }
        var matter = Matter(
            code: code, name: "", audience: .naturalPerson, leadDepartment: "",
            promisedLimit: TimeLimit(5, .workingDays),
            members: [])
        try basics(fields, &matter)
        matter.audiences = [matter.audience]
        return matter
    }
}
