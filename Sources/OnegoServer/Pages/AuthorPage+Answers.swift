import OnegoCatalog
import OnegoComposer
import OnegoExport

/// The author's forms for the audience an answer picks and the materials the joint form replaces.
extension AuthorPage {
    /// The audience an answer picks, as a tag after it.
    func audienceLabel(_ answer: AnswerOption) -> HTML {
        answer.audience.map { audience -> HTML in " <span class=\"kind\">服务对象：\(audience.rawValue)</span>" } ?? ""
    }

    /// The form that sets the audience an answer picks, shown when the matter serves several audiences (or the
    /// answer already names one).
    func audienceEditor(_ question: Question, _ answer: AnswerOption) -> HTML {
        let served = matter.servedAudiences
        guard served.count > 1 || answer.audience != nil else { return "" }
        let row = [("question", question.id), ("answer", answer.value)]
        let current = kept("audience", answer.audience?.rawValue ?? "", refused: isRefused("answerAudience", row: row))
        let choices =
            [option("", "（不指定服务对象）", selected: current)]
            + served.map { option($0.rawValue, "申请人为" + $0.rawValue, selected: current) }
        let fields: HTML = """
            <input type="hidden" name="question" value="\(question.id)"><input type="hidden" name="answer" \
            value="\(answer.value)"><label>服务对象 <select name="audience">\(HTML.joined(choices))</select></label>
            """
        return post("answerAudience", fields, button: "设定", extra: "inline answer-audience", row: row)
    }

    /// The member materials the joint form replaces besides the application forms, each with a remove button, and
    /// the form that adds one.
    func replacedMaterials(_ form: JointForm) -> HTML {
        let rows = form.replaces.enumerated().map { index, reference -> HTML in
            let remove = post(
                "removeReplaced", "<input type=\"hidden\" name=\"index\" value=\"\(index)\">", button: "删除",
                extra: "inline", row: [("index", "\(index)")])
            let path = "jointForm/replaces/\(index)"
            return "<li data-replaced=\"\(index)\"\(fieldAttributes(path, focusable: true))>"
                + "\(memberName(reference.member))的“\(reference.name)”\(fieldMessage(path))\(remove)</li>"
        }
        let members = matter.members.map { option($0.id, memberName($0.id), selected: "") }
        let fields: HTML = """
            <label>成员事项 <select name="member">\(HTML.joined(members))</select></label>
            <label>被替代的材料（与目录一致）<input type="text" name="material" list="joint-materials" required></label>
            <datalist id="joint-materials">\(materialOptions)</datalist>
            """
        let list: HTML = rows.isEmpty ? "" : "<ul class=\"replaced\" id=\"replaced\">\(HTML.joined(rows))</ul>"
        let add: HTML = members.isEmpty ? "" : post("addReplaced", fields, button: "添加替代材料", extra: "add-replaced")
        return "<h3>一表申请另外替代的材料</h3>" + list + add
    }

    /// The names of the members' catalog materials, as datalist options.
    var materialOptions: HTML {
        var names = Set<String>()
        for member in matter.members {
            for material in data.catalog.item(code: member.code)?.materials ?? [] { names.insert(material.name) }
        }
        return HTML.joined(names.sorted().map { name -> HTML in "<option value=\"\(name)\">" })
    }
}
