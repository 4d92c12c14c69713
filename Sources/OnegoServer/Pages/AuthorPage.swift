import OnegoBase
import OnegoCatalog
import OnegoComposer
import OnegoExport
import OnegoSearch
import OnegoXML

/// The matter author (`--edit`): the draft's basics, members (picked by search), questions with answers, follow-ups
/// and thresholds, the effects of each answer, the joint form, the problems `onego validate` would report, and a
/// live preview of the composition. Every form posts one change to `/author/CODE`.
struct AuthorPage {
    let data: WorkbenchData
    let draft: MatterDraft
    /// The member search text (`?find=`), if any.
    let find: String
    /// The answers of the preview.
    let given: RequestAnswers
    /// Why the last change was refused, if it was.
    let refusal: String?
    /// The fields of the refused change: its form shows the refusal and keeps what was typed.
    var posted: FormFields? = nil

    /// The forms that occur once on the page: a refusal of one of them is shown inside it.
    static let singleForms: Set<String> = [
        "basics", "addQuestion", "addThreshold", "addEffect", "jointForm", "addStage", "addField", "intake",
        "addReplaced",
    ]

    /// The action of the refused change, when it came from a form that occurs once.
    var refusedAction: String? {
        guard refusal != nil, let action = posted?["action"], Self.singleForms.contains(action) else { return nil }
        return action
    }

    /// What was typed into `name` of the refused `action` form, to show again; "" otherwise.
    func typed(_ name: String, in action: String) -> String {
        refusedAction == action ? posted?.pairs.first { $0.0 == name }?.1 ?? "" : ""
    }

    /// Whether the refused change was sent from this `action` form: a form that occurs once, or the row form whose
    /// identifying hidden fields (`row`, such as the member or question id) the refused change carries.
    func isRefused(_ action: String, row: [(String, String)] = []) -> Bool {
        guard refusal != nil, let posted, posted["action"] == action else { return false }
        guard !row.isEmpty else { return Self.singleForms.contains(action) }
        return row.allSatisfy { name, value in posted.pairs.first { $0.0 == name }?.1 == value }
    }

    /// What was sent as `name` when `refused`, to show again; `current` otherwise.
    func kept(_ name: String, _ current: String, refused: Bool) -> String {
        refused ? posted?.pairs.first { $0.0 == name }?.1 ?? "" : current
    }

    var matter: Matter { draft.matter }
    var action: String { "/author/" + QueryText.encode(matter.code) }

    var body: HTML {
        let preview = Result { () throws(CompositionError) in
            try data.composer.compose(
                matter: matter, answers: given.answers, accepted: given.accepted, acceptedAt: given.acceptedAt)
        }
        let page = MatterPage(data: data, matter: matter, given: given, result: preview, draftAction: action)
        let state = draft.isNew ? "新文件" : "修改现有文件"
        let forms = basics + members + stages + questions + effects + jointForm + sharedForm + intake
        return """
            <main class="author">
            <h1>编写一件事：\(matter.name.isEmpty ? matter.code : matter.name)</h1>
            <p class="muted">\(matter.code) · 保存到 <span class="code">\(draft.path)</span>（\(state)）</p>
            \(banner(linking: forms.text.contains("id=\"refusal-at\"")))
            \(problems)
            <div class="two">
            <section>
            \(forms)
            <p><a class="button" id="review" href="\(action)/save">查看差异并保存</a></p>
            </section>
            <section id="preview"><h2>实时预览</h2>\(page.form)\(page.outcome)</section>
            </div>
            </main>
            """
    }

    /// Why the last change was refused, at the top; with a link to the form that sent it when that form is on the
    /// page (a row removed meanwhile has none).
    func banner(linking: Bool) -> HTML {
        guard let refusal else { return "" }
        let link: HTML = linking ? " <a href=\"#refusal-at\">到提交的表单</a>" : ""
        return "<div class=\"alert error\" id=\"refusal\">未保存：\(refusal)\(link)</div>"
    }

    /// A form posting the change `name` with `fields`. `row` names the hidden fields that tell one row's form from
    /// the others of its kind. When the refused change came from this form, the form says why (`refusal-at`), and its
    /// controls and button are described by that message. Every form carries the draft's revision, so that a
    /// change sent from a page older than the draft is refused rather than applied to the wrong row.
    func post(
        _ name: String, _ fields: HTML, button: String, extra: String = "", row: [(String, String)] = []
    ) -> HTML {
        let refused = isRefused(name, row: row)
        let message: HTML =
            refused ? "<p class=\"field-error\" role=\"alert\" id=\"refusal-at\">未保存：\(refusal ?? "")</p>" : ""
        let described: HTML = refused ? " aria-describedby=\"refusal-at\"" : ""
        let shown = refused ? RefusalMarkup.describing(fields, by: "refusal-at") : fields
        return """
            <form method="post" action="\(action)" class="edit \(extra)\(refused ? " refused" : "")">\
            <input type="hidden" name="action" value="\(name)"><input type="hidden" name="revision" value="\(draft.revision)">\
            \(message)\(shown)<button type="submit"\(described)>\(button)</button></form>
            """
    }

    var basics: HTML {
        let units = TimeUnit.allCases.map {
            option($0.rawValue, $0.rawValue, selected: matter.promisedLimit.unit.rawValue)
        }
        let fields: HTML = """
            <label>名称 <input type="text" name="name" value="\(matter.name)" required\(fieldAttributes("basics/name"))></label>\
            \(fieldMessage("basics/name"))
            <label>说明 <input type="text" name="summary" value="\(matter.summary ?? "")"\(fieldAttributes("basics/summary"))></label>\
            \(fieldMessage("basics/summary"))
            <label>牵头部门 <input type="text" name="lead" value="\(matter.leadDepartment)" required\(fieldAttributes("basics/lead"))></label>\
            \(fieldMessage("basics/lead"))
            <label>协同部门（每行一个）<textarea name="cooperating" rows="2"\(fieldAttributes("basics/cooperating"))>\(matter.cooperatingDepartments.joined(separator: "\n"))</textarea></label>\
            \(fieldMessage("basics/cooperating"))
            <label>承诺时限 <input type="number" name="limit" min="0" step="0.5" value="\(number(matter.promisedLimit.value))"\(fieldAttributes("basics/limit"))>\
            <select name="unit">\(HTML.joined(units))</select></label>\(fieldMessage("basics/limit"))
            <label>时限说明 <input type="text" name="note" value="\(matter.promisedLimit.note ?? "")"></label>
            \(audienceChoices)
            """
        return "<div\(fieldAttributes("basics", focusable: true))><h2>基本信息</h2>\(fieldMessage("basics"))"
            + post("basics", fields, button: "保存基本信息") + "</div>"
    }

    var members: HTML {
        var rows: HTML = ""
        for member in matter.members {
            let item = data.catalog.item(code: member.code)
            let other = member.selection == .always ? MemberSelection.situational : .always
            let toggle = post(
                "selection",
                "<input type=\"hidden\" name=\"member\" value=\"\(member.id)\"><input type=\"hidden\" name=\"selection\" value=\"\(other.rawValue)\">",
                button: other == .always ? "改为常选" : "改为情形选择", extra: "inline", row: [("member", member.id)])
            let remove = post(
                "removeMember", "<input type=\"hidden\" name=\"member\" value=\"\(member.id)\">", button: "移除",
                extra: "inline", row: [("member", member.id)])
            rows += """
                <li data-member="\(member.id)"\(fieldAttributes("members/" + member.id, focusable: true))><strong>\(item?.name ?? member.code)</strong> \
                <span class="muted">\(member.id) · \(member.selection == .always ? "常选" : "情形选择") · \(item?.department ?? "目录中没有此编码")</span>\
                \(fieldMessage("members/" + member.id))<div class="row">\(toggle)\(remove)</div></li>
                """
        }
        var hits: HTML = ""
        if !find.isEmpty {
            let found = (data.search?.hits(for: find, filter: [:], limit: 12) ?? []).filter { $0.kind == .item }
            for hit in found {
                let code: HTML = "<input type=\"hidden\" name=\"code\" value=\"\(hit.code)\">"
                hits += """
                    <li><strong>\(hit.name)</strong> <span class="muted">\(hit.department ?? "")</span><div class="row">\
                    \(post("addMember", code + "<input type=\"hidden\" name=\"selection\" value=\"always\">", button: "加入（常选）", extra: "inline", row: [("code", hit.code), ("selection", "always")]))\
                    \(post("addMember", code + "<input type=\"hidden\" name=\"selection\" value=\"situational\">", button: "加入（情形选择）", extra: "inline", row: [("code", hit.code), ("selection", "situational")]))\
                    </div></li>
                    """
            }
            if found.isEmpty { hits = "<li class=\"muted\">没有找到事项</li>" }
        }
        return """
            <h2\(fieldAttributes("members", focusable: true))>成员事项</h2>\(fieldMessage("members"))
            <ul class="members" id="members">\(rows.text.isEmpty ? "<li class=\"muted\">还没有成员事项：在下面搜索并加入。</li>" : rows)</ul>
            <form method="get" action="\(action)#find-member" class="edit" id="find-member"><label>搜索事项 \
            <input type="search" name="find" value="\(find)" placeholder="事项名称、俗称、拼音或编码"></label>\
            <button type="submit">搜索</button></form>
            <ul class="hits" id="member-hits">\(hits)</ul>
            """
    }

    var questions: HTML {
        var rows: HTML = ""
        for question in matter.questions {
            let path = "questions/" + question.id
            var answers = question.answers.map { answer -> HTML in
                let owner = path + "/answers/" + answer.value
                return "<li\(fieldAttributes(owner, focusable: true))>\(answer.displayText)\(audienceLabel(answer))"
                    + "\(fieldMessage(owner))\(audienceEditor(question, answer))"
                    + "\(effectList(answer.effects, target: question.id + "/" + answer.value, owner: owner))</li>"
            }
            answers += question.thresholds.enumerated().map { index, threshold -> HTML in
                let owner = path + "/thresholds/\(index)"
                return "<li\(fieldAttributes(owner, focusable: true))>\(threshold.condition)\(fieldMessage(owner))"
                    + "\(effectList(threshold.effects, target: question.id + "/#\(index)", owner: owner))</li>"
            }
            let follow = question.shownWhen.map { "追问：当 \($0.question) = \($0.answer)" }.joined(separator: "；")
            rows += """
                <li data-question="\(question.id)"\(fieldAttributes(path, focusable: true))><strong>\(question.text)</strong> \
                <span class="muted">\(question.id) · \(question.kind.label)\(follow.isEmpty ? "" : " · " + follow)</span>\
                \(fieldMessage(path))<ul>\(HTML.joined(answers))</ul>\
                \(questionEditor(question))\
                \(post("removeQuestion", "<input type=\"hidden\" name=\"question\" value=\"\(question.id)\">", button: "删除问题", extra: "inline", row: [("question", question.id)]))</li>
                """
        }
        let kinds = [QuestionKind.yesNo, .single, .multiple, .number].map {
            option($0.rawValue, $0.label, selected: typed("kind", in: "addQuestion"))
        }
        let conditions = matter.questions.flatMap { q in q.answers.map { "\(q.id)=\($0.value)" } }
        let follow = HTML.joined([option("", "（总是询问）", selected: "")] + conditions.map { option($0, $0, selected: "") })
        let fields: HTML = """
            <label>标识 <input type="text" name="id" placeholder="如 staff" required value="\(typed("id", in: "addQuestion"))"></label>
            <label>题型 <select name="kind">\(HTML.joined(kinds))</select></label>
            <label>问题 <input type="text" name="text" required value="\(typed("text", in: "addQuestion"))"></label>
            <label>提示 <input type="text" name="hint" value="\(typed("hint", in: "addQuestion"))"></label>
            <label>回答（选择题，用顿号分隔）<input type="text" name="answers" placeholder="如 独资、合伙" \
            value="\(typed("answers", in: "addQuestion"))"></label>
            <label>单位（数值题）<input type="text" name="unit" placeholder="如 平方米" value="\(typed("unit", in: "addQuestion"))"></label>
            <label>追问条件 <select name="shownWhen">\(follow)</select></label>
            <div class="checks"><label><input type="checkbox" name="required" checked> 必答</label></div>
            """
        let measured = matter.questions.filter { $0.kind.isMeasured }.map { option($0.id, $0.text, selected: "") }
        let threshold: HTML =
            measured.isEmpty
            ? ""
            : post(
                "addThreshold",
                """
                <label>数值题 <select name="question">\(HTML.joined(measured))</select></label>
                <label>不小于 <input type="number" name="atLeast" min="0" step="any"></label>
                <label>小于 <input type="number" name="below" min="0" step="any"></label>
                """, button: "添加阈值")
        return """
            <h2\(fieldAttributes("questions", focusable: true))>情形问题</h2>\(fieldMessage("questions"))
            <ul class="questions" id="questions">\(rows)</ul>
            <details\(matter.questions.isEmpty || refusedAction == "addQuestion" ? " open" : "")><summary>添加问题</summary>\(post("addQuestion", fields, button: "添加问题"))</details>
            \(threshold)
            """
    }

    /// The effects of one answer or threshold (`target` as the forms name it, `owner` its field path), each with a
    /// remove button.
    func effectList(_ effects: [AnswerEffect], target: String, owner: String) -> HTML {
        guard !effects.isEmpty else { return "" }
        let items = effects.enumerated().map { index, effect -> HTML in
            let fields: HTML =
                "<input type=\"hidden\" name=\"target\" value=\"\(target)\"><input type=\"hidden\" name=\"index\" value=\"\(index)\">"
            let path = owner + "/effects/\(index)"
            return "<li\(fieldAttributes(path, focusable: true))>\(describe(effect))\(fieldMessage(path))"
                + "\(post("removeEffect", fields, button: "删除", extra: "inline", row: [("target", target), ("index", "\(index)")]))</li>"
        }
        return "<ul class=\"effects\">\(HTML.joined(items))</ul>"
    }

    func describe(_ effect: AnswerEffect) -> String {
        let name = { (id: String) in
            matter.member(id: id).flatMap { data.catalog.item(code: $0.code)?.name } ?? id
        }
        switch effect {
        case .includeMember(let id, _): return "加入 \(name(id))"
        case .excludeMember(let id, _): return "去掉 \(name(id))"
        case .excludeMaterial(let id, let material, _): return "免交 \(name(id)) 的“\(material)”"
        case .addMaterial(let id, let material, _): return "\(name(id)) 增加材料“\(material.name)”"
        }
    }

    var effects: HTML {
        var targets: [HTML] = []
        for question in matter.questions {
            targets += question.answers.map {
                option("\(question.id)/\($0.value)", "\(question.text) → \($0.displayText)", selected: "")
            }
            targets += question.thresholds.enumerated().map { index, threshold in
                option("\(question.id)/#\(index)", "\(question.text) → \(threshold.condition)", selected: "")
            }
        }
        guard !targets.isEmpty, !matter.members.isEmpty else { return "" }
        let members = matter.members.map { member in
            option(member.id, data.catalog.item(code: member.code)?.name ?? member.id, selected: "")
        }
        var materials = Set<String>()
        for member in matter.members {
            for m in data.catalog.item(code: member.code)?.materials ?? [] { materials.insert(m.name) }
        }
        let list = HTML.joined(materials.sorted().map { material -> HTML in "<option value=\"\(material)\">" })
        let fields: HTML = """
            <label>回答 <select name="target">\(HTML.joined(targets))</select></label>
            <label>效果 <select name="effect">\(option("includeMember", "加入成员事项", selected: ""))\
            \(option("excludeMember", "去掉成员事项", selected: ""))\(option("excludeMaterial", "免交材料", selected: ""))</select></label>
            <label>成员事项 <select name="member">\(HTML.joined(members))</select></label>
            <label>材料（免交材料时）<input type="text" name="material" list="member-materials"></label>
            <datalist id="member-materials">\(list)</datalist>
            """
        return "<h2>回答的效果</h2>" + post("addEffect", fields, button: "添加效果")
    }

    var jointForm: HTML {
        let form = matter.jointForm
        let checked = (form?.replacesApplicationForms ?? true) ? " checked" : ""
        let fields: HTML = """
            <label>一表申请表名称（留空则不使用）<input type="text" name="name" value="\(form?.name ?? "")" \
            placeholder="如 \(matter.name)“一件事”申请表"\(fieldAttributes("jointForm"))></label>\(fieldMessage("jointForm"))
            <div class="checks"><label><input type="checkbox" name="replaces"\(checked)> 替代各成员事项的申请表格</label></div>
            """
        return "<h2 id=\"joint-form\">一表申请</h2>" + post("jointForm", fields, button: "保存一表申请")
            + (form.map(replacedMaterials) ?? "")
    }

    func option(_ value: String, _ label: String, selected: String) -> HTML {
        "<option value=\"\(value)\"\(value == selected ? " selected" : "")>\(label)</option>"
    }

    func number(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(value) }
}
