import OnegoCatalog
import OnegoComposer
import OnegoExport

/// The author's forms for the audiences, editing a question in place, the stages, the shared form fields and the
/// intake arrangement.
extension AuthorPage {
    /// The audiences as checkboxes (the first checked is the matter's main audience).
    var audienceChoices: HTML {
        let served = Set(matter.servedAudiences)
        let boxes = [ServiceObject.naturalPerson, .legalPerson, .unincorporated, .individualBusiness].map {
            audience -> HTML in
            "<label><input type=\"checkbox\" name=\"audience\" value=\"\(audience.rawValue)\""
                + "\(served.contains(audience) ? " checked" : "")> \(audience.rawValue)</label>"
        }
        return "<div class=\"checks\" id=\"audiences\"><span>服务对象</span>\(HTML.joined(boxes))</div>"
    }

    /// The form that changes `question` in place, folded under 修改问题; unfolded with what was sent when the change
    /// was refused.
    func questionEditor(_ question: Question) -> HTML {
        let refused = isRefused("editQuestion", row: [("question", question.id)])
        let conditions = matter.questions.filter { $0.id != question.id }.flatMap { q in
            q.answers.map { "\(q.id)=\($0.value)" }
        }
        let current = kept(
            "shownWhen", question.shownWhen.map { "\($0.question)=\($0.answer)" }.joined(separator: "|"),
            refused: refused)
        var follow = [option("", "（总是询问）", selected: current)]
        if !current.isEmpty, !conditions.contains(current) {
            follow.append(option(current, current, selected: current))
        }
        follow += conditions.map { option($0, $0, selected: current) }
        var fields: HTML = """
            <input type="hidden" name="question" value="\(question.id)">
            <label>问题 <input type="text" name="text" value="\(kept("text", question.text, refused: refused))" required></label>
            <label>提示 <input type="text" name="hint" value="\(kept("hint", question.hint ?? "", refused: refused))"></label>
            """
        switch question.kind {
        case .single, .multiple:
            let answers = kept("answers", question.answers.map(\.value).joined(separator: "、"), refused: refused)
            fields +=
                "<label>回答（用顿号分隔；保留的回答保留其效果）<input type=\"text\" name=\"answers\" value=\"\(answers)\"></label>"
        case .number, .date:
            let unit = kept("unit", question.unit ?? "", refused: refused)
            fields += "<label>单位 <input type=\"text\" name=\"unit\" value=\"\(unit)\"></label>"
        case .yesNo: break
        }
        fields += "<label>追问条件 <select name=\"shownWhen\">\(HTML.joined(follow))</select></label>"
        if question.kind != .yesNo {
            let required = refused ? posted?["required"] != nil : question.isRequired
            fields +=
                "<div class=\"checks\"><label><input type=\"checkbox\" name=\"required\"\(required ? " checked" : "")> 必答</label></div>"
        }
        return "<details class=\"edit-question\"\(refused ? " open" : "")><summary>修改问题</summary>"
            + post("editQuestion", fields, button: "保存修改", row: [("question", question.id)]) + "</details>"
    }

    /// The explicit stages, each with a remove button, and the form that adds one from checked members.
    var stages: HTML {
        guard !matter.members.isEmpty else { return "" }
        let rows = matter.stages.enumerated().map { index, stage -> HTML in
            let names = stage.members.map { memberName($0) }.joined(separator: "、")
            let hidden: HTML = "<input type=\"hidden\" name=\"index\" value=\"\(index)\">"
            let row = [("index", "\(index)")]
            var buttons = post("removeStage", hidden, button: "删除阶段", extra: "inline", row: row)
            if index < matter.stages.count - 1 {
                let down = hidden + "<input type=\"hidden\" name=\"direction\" value=\"down\">"
                buttons =
                    post("moveStage", down, button: "后移", extra: "inline move-down", row: row + [("direction", "down")])
                    + buttons
            }
            if index > 0 {
                let up = hidden + "<input type=\"hidden\" name=\"direction\" value=\"up\">"
                buttons =
                    post("moveStage", up, button: "前移", extra: "inline move-up", row: row + [("direction", "up")])
                    + buttons
            }
            return
                "<li data-stage=\"\(index)\"\(fieldAttributes("stages/\(index)", focusable: true))>"
                + "<strong>第 \(index + 1) 阶段\(stage.name.map { "：" + $0 } ?? "")</strong> "
                + "<span class=\"muted\">并联办理：\(names)</span>\(fieldMessage("stages/\(index)"))"
                + "<div class=\"row\">\(buttons)</div></li>"
        }
        let staged = Set(matter.stages.flatMap(\.members))
        let boxes = matter.members.filter { !staged.contains($0.id) }.map { member -> HTML in
            "<label><input type=\"checkbox\" name=\"member\" value=\"\(member.id)\"> \(memberName(member.id))</label>"
        }
        let empty: HTML = "<p class=\"muted\" id=\"no-stages\">没有显式阶段：按材料流转（前一事项的结果是后一事项的材料）和成员的先后关系排序，其余并联。</p>"
        let form: HTML =
            boxes.isEmpty
            ? ""
            : post(
                "addStage",
                """
                <label>阶段名称 <input type="text" name="name" placeholder="如 清税与社保注销"></label>
                <div class="checks">\(HTML.joined(boxes))</div>
                """, button: "添加阶段（在已有阶段之后）")
        return """
            <h2\(fieldAttributes("stages", focusable: true))>办理阶段</h2>\(fieldMessage("stages"))<p class="muted">同一阶段的事项并联办理；后一阶段在前一阶段所选事项都办结后开始（串联）。</p>
            \(rows.isEmpty ? empty : "<ol class=\"stages\" id=\"stages\">\(HTML.joined(rows))</ol>")\(form)
            """
    }

    /// The shared form fields (一表申请: asked once, filling each member's own field) and the form that adds one.
    var sharedForm: HTML {
        guard !matter.members.isEmpty else { return "" }
        let rows = matter.formFields.map { field -> HTML in
            let targets = field.mappings.map { "\(memberName($0.member))·\($0.field)" }.joined(separator: "、")
            let remove = post(
                "removeField", "<input type=\"hidden\" name=\"field\" value=\"\(field.id)\">", button: "删除",
                extra: "inline", row: [("field", field.id)])
            let path = "sharedForm/" + field.id
            return
                "<li data-field=\"\(field.id)\"\(fieldAttributes(path, focusable: true))><strong>\(field.label)</strong> "
                + "<span class=\"muted\">\(field.id) → \(targets)</span>\(fieldMessage(path))\(remove)</li>"
        }
        let maps = matter.members.map { member -> HTML in
            "<label>\(memberName(member.id)) 表中的字段 <input type=\"text\" name=\"map.\(member.id)\"></label>"
        }
        let fields: HTML = """
            <label>字段标识 <input type="text" name="id" placeholder="如 companyName" required></label>
            <label>字段名称 <input type="text" name="label" placeholder="如 企业名称" required></label>
            \(HTML.joined(maps))
            """
        return """
            <h2\(fieldAttributes("sharedForm", focusable: true))>共享字段</h2>\(fieldMessage("sharedForm"))<p class="muted">申请人只填一次，自动填入各成员事项表格中的对应字段（留空则该事项不用）。</p>
            <ul class="fields" id="form-fields">\(HTML.joined(rows))</ul>
            <details\(refusedAction == "addField" ? " open" : "")><summary>添加共享字段</summary>\(post("addField", fields, button: "添加字段"))</details>
            """
    }

    /// How the bundle is handed in and delivered.
    var intake: HTML {
        let arrangement = matter.arrangement
        let modes =
            [option("", "未声明（各事项窗口分别受理、窗口领取）", selected: arrangement?.intake.rawValue ?? "")]
            + IntakeMode.allCases.map { option($0.rawValue, $0.label, selected: arrangement?.intake.rawValue ?? "") }
        let deliveries = DeliveryMode.allCases.map {
            option($0.rawValue, $0.label, selected: arrangement?.delivery.rawValue ?? DeliveryMode.window.rawValue)
        }
        let fields: HTML = """
            <label>受理方式 <select name="mode">\(HTML.joined(modes))</select></label>
            <label>送达方式 <select name="delivery">\(HTML.joined(deliveries))</select></label>
            """
        return "<h2\(fieldAttributes("intake", focusable: true))>受理与送达</h2>\(fieldMessage("intake"))"
            + post("intake", fields, button: "保存受理与送达", extra: "intake")
    }

    /// The catalog name of a member's item, else its id.
    func memberName(_ id: String) -> String {
        matter.member(id: id).flatMap { data.catalog.item(code: $0.code)?.name } ?? id
    }
}
