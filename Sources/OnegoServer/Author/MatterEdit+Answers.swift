import OnegoCatalog
import OnegoComposer

/// The author's edits of an answer's audience, of the member materials the joint form replaces, and of the order of
/// the stages.
extension MatterEdit {
    /// Sets (or, with an empty `audience`, clears) the audience (服务对象) an answer picks: on the question that asks
    /// who applies, each answer names the audience of the applicant who chooses it.
    static func answerAudience(_ fields: FormFields, _ matter: inout Matter) throws(AuthorError) {
        let q = try questionIndex(fields["question"], matter)
        let value = fields["answer"] ?? ""
        guard let a = matter.questions[q].answers.firstIndex(where: { $0.value == value }) else {
            throw AuthorError("问题 \(matter.questions[q].id) 没有回答 \(value)")
        }
        guard let raw = fields["audience"] else {
            matter.questions[q].answers[a].audience = nil
            return
        }
        guard let audience = ServiceObject(rawValue: raw) else { throw AuthorError("没有服务对象 \(raw)") }
        guard matter.servedAudiences.contains(audience) else {
            throw AuthorError("一件事的服务对象中没有\(raw)；请先在基本信息中勾选")
        }
        matter.questions[q].answers[a].audience = audience
    }

    /// Adds a member material the joint form replaces (besides the application forms), named as the catalog
    /// writes it.
    static func addReplaced(_ fields: FormFields, _ matter: inout Matter, catalog: Catalog) throws(AuthorError) {
        guard var form = matter.jointForm else { throw AuthorError("请先填写一表申请表名称") }
        let index = try memberIndex(fields["member"], matter)
        let member = matter.members[index]
        guard let name = fields["material"] else { throw AuthorError("请填写被替代的材料名称（与目录一致）") }
        if let item = catalog.item(code: member.code), !item.materials.contains(where: { $0.name == name }) {
            throw AuthorError("“\(item.name)”的材料中没有“\(name)”")
        }
        guard !form.replaces.contains(where: { $0.member == member.id && $0.name == name }) else {
            throw AuthorError("“\(name)”已被一表申请替代")
        }
        form.replaces.append(MaterialReference(member: member.id, name: name))
        matter.jointForm = form
    }

    /// Removes the `index`-th (from 0) material the joint form replaces.
    static func removeReplaced(_ fields: FormFields, _ matter: inout Matter) throws(AuthorError) {
        guard var form = matter.jointForm, let index = fields["index"].flatMap(Int.init),
            form.replaces.indices.contains(index)
        else { throw AuthorError("一表申请没有这项替代材料") }
        form.replaces.remove(at: index)
        matter.jointForm = form
    }

    /// Moves the `index`-th (from 0) stage one place earlier (`direction=up`) or later (`down`).
    static func moveStage(_ fields: FormFields, _ matter: inout Matter) throws(AuthorError) {
        guard let index = fields["index"].flatMap(Int.init), matter.stages.indices.contains(index) else {
            throw AuthorError("没有这个阶段")
        }
        let target = fields["direction"] == "up" ? index - 1 : index + 1
        guard matter.stages.indices.contains(target) else {
            throw AuthorError(target < index ? "第一阶段不能再前移" : "最后阶段不能再后移")
        }
        matter.stages.swapAt(index, target)
    }
}
