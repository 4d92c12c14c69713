import OnegoCatalog

/// Writes a ``Matter`` as a matter document (`Schemas/matter.xsd`), escaping all text. The workbench's matter author
/// saves with it; loading what it writes gives back an equal matter (apart from source locations, and with element
/// text whitespace-collapsed as the loader reads it).
///
/// ```swift
/// let xml = MatterWriter().document(matter)
/// ```
public struct MatterWriter: Sendable {
    /// The `version` attribute written on the root, if any (the model does not keep it).
    public var version: String?

    /// Creates a writer.
    public init(version: String? = nil) { self.version = version }

    /// The whole document, ending with a newline.
    public func document(_ matter: Matter) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let audiences = matter.servedAudiences.map(\.rawValue).joined(separator: " ")
        out +=
            "<matter xmlns=\"\(OnegoNamespace.matter)\" schemaVersion=\"1.0\"" + attribute("code", matter.code)
            + attribute("audience", audiences) + optional("version", version) + ">\n"
        element("name", matter.name, indent: 1, &out)
        if let summary = matter.summary { element("description", summary, indent: 1, &out) }
        element("leadDepartment", matter.leadDepartment, indent: 1, &out)
        for department in matter.cooperatingDepartments {
            element("cooperatingDepartment", department, indent: 1, &out)
        }
        let limit = matter.promisedLimit
        out += "  <promisedLimit" + number("value", limit.value) + attribute("unit", limit.unit.rawValue)
        out += optional("note", limit.note) + "/>\n"
        out += "  <members>\n"
        for member in matter.members {
            out += "    <member" + attribute("id", member.id) + attribute("code", member.code)
            out += attribute("selection", member.selection.rawValue)
            if !member.after.isEmpty { out += attribute("after", member.after.joined(separator: " ")) }
            out += "/>\n"
        }
        out += "  </members>\n"
        if !matter.stages.isEmpty {
            out += "  <stages>\n"
            for stage in matter.stages {
                out += "    <stage" + attribute("members", stage.members.joined(separator: " "))
                out += optional("name", stage.name) + "/>\n"
            }
            out += "  </stages>\n"
        }
        if !matter.questions.isEmpty {
            out += "  <questions>\n"
            for question in matter.questions { write(question, to: &out) }
            out += "  </questions>\n"
        }
        writeForms(matter, to: &out)
        out += "</matter>\n"
        return out
    }

    private func writeForms(_ matter: Matter, to out: inout String) {
        if !matter.formFields.isEmpty {
            out += "  <sharedForm>\n"
            for field in matter.formFields {
                out += "    <field" + attribute("id", field.id) + attribute("label", field.label) + ">\n"
                for mapping in field.mappings {
                    out += "      <mapsTo" + attribute("member", mapping.member) + attribute("field", mapping.field)
                    out += "/>\n"
                }
                out += "    </field>\n"
            }
            out += "  </sharedForm>\n"
        }
        if let form = matter.jointForm {
            out += "  <jointForm" + attribute("name", form.name)
            if !form.replacesApplicationForms { out += attribute("replacesApplicationForms", "false") }
            if form.replaces.isEmpty {
                out += "/>\n"
            } else {
                out += ">\n"
                for replaced in form.replaces { out += "    <replaces" + reference(replaced) + "/>\n" }
                out += "  </jointForm>\n"
            }
        }
        if !matter.promises.isEmpty {
            out += "  <promises>\n"
            for promise in matter.promises { out += "    <promise" + reference(promise) + "/>\n" }
            out += "  </promises>\n"
        }
        if let arrangement = matter.arrangement {
            out += "  <intake" + attribute("mode", arrangement.intake.rawValue)
            out += attribute("delivery", arrangement.delivery.rawValue) + "/>\n"
        }
    }

    private func write(_ question: Question, to out: inout String) {
        out += "    <question" + attribute("id", question.id) + attribute("kind", question.kind.rawValue)
        if !question.isRequired { out += attribute("required", "false") }
        out += optional("unit", question.unit) + ">\n"
        element("text", question.text, indent: 3, &out)
        if let hint = question.hint { element("hint", hint, indent: 3, &out) }
        for condition in question.shownWhen {
            out += "      <shownWhen" + attribute("question", condition.question)
            out += attribute("answer", condition.answer) + "/>\n"
        }
        for answer in question.answers {
            out += "      <answer" + attribute("value", answer.value) + optional("label", answer.label)
            out += optional("audience", answer.audience?.rawValue)
            write(effects: answer.effects, closing: "answer", to: &out)
        }
        for threshold in question.thresholds {
            out += "      <threshold" + optional("atLeast", threshold.atLeast?.description)
            out += optional("below", threshold.below?.description) + attribute("unit", threshold.unit)
            write(effects: threshold.effects, closing: "threshold", to: &out)
        }
        out += "    </question>\n"
    }

    /// Closes the open start tag of an `<answer>` or `<threshold>` and writes its effects.
    private func write(effects: [AnswerEffect], closing name: String, to out: inout String) {
        guard !effects.isEmpty else {
            out += "/>\n"
            return
        }
        out += ">\n"
        for effect in effects {
            out += "        "
            switch effect {
            case .includeMember(let member, _): out += "<includeMember" + attribute("member", member) + "/>"
            case .excludeMember(let member, _): out += "<excludeMember" + attribute("member", member) + "/>"
            case .excludeMaterial(let member, let name, _):
                out += "<excludeMaterial" + attribute("member", member) + attribute("name", name) + "/>"
            case .addMaterial(let member, let material, _):
                out += "<addMaterial" + attribute("member", member) + added(material) + "/>"
            }
            out += "\n"
        }
        out += "      </\(name)>\n"
    }

    /// The attributes of an `<addMaterial>` after `member`; defaults (必要, 0 originals, 0 copies) are left out.
    private func added(_ material: Material) -> String {
        var text = attribute("name", material.name)
        if material.necessity != .required { text += attribute("necessity", material.necessity.rawValue) }
        if material.originals != 0 { text += attribute("originals", String(material.originals)) }
        if material.copies != 0 { text += attribute("copies", String(material.copies)) }
        return text + optional("eLicence", material.eLicence) + optional("holder", material.holder)
    }

    private func reference(_ reference: MaterialReference) -> String {
        attribute("member", reference.member) + attribute("name", reference.name)
    }

    private func element(_ name: String, _ text: String, indent: Int, _ out: inout String) {
        out += String(repeating: "  ", count: indent) + "<\(name)>" + escape(text) + "</\(name)>\n"
    }

    private func number(_ name: String, _ value: Double) -> String {
        attribute(name, value.rounded() == value ? String(Int(value)) : String(value))
    }

    private func optional(_ name: String, _ value: String?) -> String {
        value.map { attribute(name, $0) } ?? ""
    }

    private func attribute(_ name: String, _ value: String) -> String { " \(name)=\"\(escape(value))\"" }

    private func escape(_ text: String) -> String { XMLText.escape(text) }
}
