import OnegoBase
import OnegoComposer

/// The author's edits of a question in place, of the stages, the shared form fields and the intake arrangement.
extension MatterEdit {
    /// Changes a question in place: its text, hint, whether it must be answered, the unit of a number or date
    /// question, the condition it follows up (`shownWhen`: `question=answer`, several joined by `|`, empty for
    /// always asked) and, for a choice question, its answers (separated by 、 , or line breaks). An answer kept by
    /// value keeps its label, audience and effects; a removed answer's effects go with it.
    static func editQuestion(_ fields: FormFields, _ matter: inout Matter) throws(AuthorError) {
        let index = try questionIndex(fields["question"], matter)
        var question = matter.questions[index]
        guard let text = fields["text"] else { throw AuthorError("请填写问题") }
        question.text = text
        question.hint = fields["hint"]
        question.isRequired = fields["required"] != nil || question.kind == .yesNo
        switch question.kind {
        case .yesNo: break
        case .single, .multiple:
            let values = answerValues(fields["answers"])
            guard values.count >= 2 else { throw AuthorError("选择题至少要有两个回答（用顿号分隔）") }
            guard Set(values).count == values.count else { throw AuthorError("回答不能重复") }
            question.answers = values.map { value in question.answer(value: value) ?? AnswerOption(value: value) }
        case .number, .date:
            guard let unit = fields["unit"] else { throw AuthorError("数值题要写单位（如 平方米、人）") }
            question.unit = unit
            for t in question.thresholds.indices { question.thresholds[t].unit = unit }
        }
        question.shownWhen = try conditions(fields["shownWhen"], asking: question.id)
        matter.questions[index] = question
    }

    /// The answers of a choice question as typed: separated by 、 , ， or line breaks.
    static func answerValues(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: { "、,，\n\r".contains($0) })
            .map { String($0).trimmingSpacesAndNewlines }.filter { !$0.isEmpty }
    }

    /// `question=answer` conditions joined by `|`; none for empty text.
    static func conditions(_ text: String?, asking id: String) throws(AuthorError) -> [AnswerCondition] {
        var result: [AnswerCondition] = []
        for condition in (text ?? "").split(separator: "|") {
            let parts = condition.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw AuthorError("追问条件应写作 问题=回答") }
            guard parts[0] != id else { throw AuthorError("问题不能追问它自己") }
            result.append(AnswerCondition(question: parts[0], answer: parts[1]))
        }
        return result
    }

    /// Adds an explicit stage after the existing ones: its members run after every selected member of the stages
    /// before it; members in one stage run in parallel.
    static func addStage(_ fields: FormFields, _ matter: inout Matter) throws(AuthorError) {
        let ids = fields.values("member")
        guard !ids.isEmpty else { throw AuthorError("请勾选这一阶段并联办理的成员事项") }
        for id in ids where matter.member(id: id) == nil { throw AuthorError("没有成员事项 \(id)") }
        let staged = Set(matter.stages.flatMap(\.members))
        if let twice = ids.first(where: staged.contains) {
            throw AuthorError("成员事项 \(twice) 已在前面的阶段中")
        }
        matter.stages.append(ExplicitStage(name: fields["name"], members: ids))
    }

    static func removeStage(_ fields: FormFields, _ matter: inout Matter) throws(AuthorError) {
        guard let index = fields["index"].flatMap(Int.init), matter.stages.indices.contains(index) else {
            throw AuthorError("没有这个阶段")
        }
        matter.stages.remove(at: index)
    }

    /// Adds a field of the shared form (一表申请): asked once, filling the named field of each member's own form.
    static func addField(_ fields: FormFields, _ matter: inout Matter) throws(AuthorError) {
        guard let id = fields["id"], isLocalId(id), !matter.formFields.contains(where: { $0.id == id }) else {
            throw AuthorError("字段标识应为字母开头的英文标识且不重复（如 companyName）")
        }
        guard let label = fields["label"] else { throw AuthorError("请填写字段名称（如 企业名称）") }
        let mappings = fields.prefixed("map.").map { FieldMapping(member: $0.0, field: $0.1) }
        for mapping in mappings where matter.member(id: mapping.member) == nil {
            throw AuthorError("没有成员事项 \(mapping.member)")
        }
        guard !mappings.isEmpty else { throw AuthorError("请至少为一个成员事项填写它表格中对应的字段名") }
        matter.formFields.append(SharedFormField(id: id, label: label, mappings: mappings))
    }

    static func removeField(_ fields: FormFields, _ matter: inout Matter) throws(AuthorError) {
        let id = fields["field"] ?? ""
        guard matter.formFields.contains(where: { $0.id == id }) else { throw AuthorError("没有共享字段 \(id)") }
        matter.formFields.removeAll { $0.id == id }
    }

    /// Declares how the bundle is handed in and delivered, or (empty mode) removes the declaration so each member
    /// is handled at its own window.
    static func intake(_ fields: FormFields, _ matter: inout Matter) throws(AuthorError) {
        guard let mode = fields["mode"] else {
            matter.arrangement = nil
            return
        }
        guard let intake = IntakeMode(rawValue: mode),
            let delivery = DeliveryMode(rawValue: fields["delivery"] ?? "")
        else { throw AuthorError("请选择受理方式和送达方式") }
        matter.arrangement = IntakeArrangement(intake: intake, delivery: delivery)
    }
}
