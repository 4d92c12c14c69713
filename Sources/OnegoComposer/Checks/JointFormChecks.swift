import OnegoBase
import OnegoCatalog

/// Checks of what a matter says replaces member materials: the joint form's `<replaces>` and the `<promise>`
/// lines must name a member of the matter and a material that member's item really asks for (by catalog name),
/// and a joint form must replace something.
///
/// | rule | severity | finds |
/// |---|---|---|
/// | `matter.joint-form.unknown-material` | error | a `<replaces>` or `<promise>` naming a material its member does not have, or no member |
/// | `matter.joint-form.replaces-nothing` | error | a joint form that replaces no member material |
enum JointFormChecks {
    static func run(matter: Matter, catalog: Catalog) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let codes = Dictionary(matter.members.map { ($0.id, $0.code) }, uniquingKeysWith: { first, _ in first })
        let references =
            (matter.jointForm?.replaces ?? []).map { ($0, "一表申请《\(matter.jointForm?.name ?? "")》要代替的材料") }
            + matter.promises.map { ($0, "告知承诺要代替的材料") }
        for (reference, what) in references {
            guard let code = codes[reference.member] else {
                diagnostics.append(
                    Diagnostic(
                        .error, rule: .matterJointFormUnknownMaterial,
                        message: "\(what)“\(reference.name)”所属的成员事项 \(reference.member) 不存在", at: reference.location))
                continue
            }
            guard let item = catalog.item(code: code) else { continue }
            guard !item.materials.contains(where: { $0.name == reference.name }) else { continue }
            let known = item.materials.map(\.name).joined(separator: "、")
            diagnostics.append(
                Diagnostic(
                    .error, rule: .matterJointFormUnknownMaterial,
                    message: "\(what)“\(reference.name)”不在成员事项 \(reference.member)（\(item.name)）的申请材料中；"
                        + "该事项的材料为：\(known)",
                    at: reference.location))
        }
        if let form = matter.jointForm, form.replaces.isEmpty {
            let hasForms = matter.members.contains { member in
                catalog.item(code: member.code)?.materials.contains { $0.type == .form } ?? false
            }
            if !form.replacesApplicationForms || !hasForms {
                diagnostics.append(
                    Diagnostic(
                        .error, rule: .matterJointFormReplacesNothing,
                        message: "一表申请《\(form.name)》没有代替任何成员事项的材料（成员事项没有申请表格文书，也没有 <replaces>）",
                        at: form.location))
            }
        }
        return diagnostics
    }
}
