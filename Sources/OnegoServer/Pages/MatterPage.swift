import Foundation
import OnegoBase
import OnegoCatalog
import OnegoComposer
import OnegoExport

/// A matter's composer: the situation questions as a form and, once answered, the composition from the library
/// (members by stage, critical path, merged materials, figures, due dates) with links to the printed notice and
/// checklist and the equivalent `onego compose` command.
struct MatterPage {
    let data: WorkbenchData
    let matter: Matter
    let given: RequestAnswers
    let result: Result<Composition, CompositionError>
    /// Where the answers form goes; nil for the matter's own page. A draft's preview sets it to the author page and
    /// has no printable documents yet.
    var draftAction: String? = nil
    /// Whether the page follows saving the matter from the author (`?saved=1`): it says where it was saved.
    var isJustSaved = false

    var body: HTML {
        """
        <main>
        \(savedNotice)
        <h1>\(matter.name)</h1>
        <p class="muted">\(matter.code) · \(matter.leadDepartment)牵头 · 承诺时限 \(matter.promisedLimit.description)</p>
        \(matter.summary.map { summary -> HTML in "<p>\(summary)</p>" } ?? "")
        <div class="two">
        <section>\(form)</section>
        <section>\(outcome)</section>
        </div>
        </main>
        """
    }

    /// After saving: the file written, that the workspace was reloaded, and a link back to the author.
    var savedNotice: HTML {
        guard isJustSaved else { return "" }
        return """
            <div class="alert ok" id="saved">已保存到 <span class="code">\(matter.location.file)</span>，工作区已重新载入。\
            <a href="/author/\(QueryText.encode(matter.code))">继续修改</a></div>
            """
    }

    var form: HTML {
        let shown = data.composer.shownQuestions(for: matter, answers: given.answers)
        var fields: HTML = ""
        for question in matter.questions where shown.contains(question.id) {
            let chosen = given.answers[question.id]
            let type = question.kind == .multiple ? "checkbox" : "radio"
            var choices: HTML = ""
            if question.kind.isMeasured {
                let type = question.kind == .date ? "date" : "number"
                choices = """
                    <label><input type="\(type)" name="q.\(question.id)" min="0" step="any" \
                    value="\(chosen.first ?? "")"> \(question.unit ?? "")</label>
                    """
            }
            let optional: HTML = question.isRequired ? "" : "<span class=\"muted\">（选答）</span>"
            let hint = question.hint.map { hint -> HTML in "<p class=\"hint\">\(hint)</p>" } ?? ""
            for option in question.answers {
                let checked = chosen.contains(option.value) ? " checked" : ""
                choices += """
                    <label><input type="\(type)" name="q.\(question.id)" value="\(option.value)"\(checked)>\
                    \(option.displayText)</label>
                    """
            }
            fields += """
                <fieldset class="\(question.isFollowUp ? "follow-up" : "")" data-question="\(question.id)">\
                <legend>\(question.text)\(optional)</legend>
                \(hint)<div class="choices">\(choices)</div></fieldset>

                """
        }
        if matter.questions.isEmpty { fields = "<p class=\"muted\">本事项没有情形问题。</p>" }
        return """
            <form id="answers" method="get" action="\(draftAction ?? "/matters/" + QueryText.encode(matter.code))">
            <h2>办理情形</h2>
            \(fields)
            <fieldset><legend>受理日期和时间（可选）</legend>
            <p class="hint">用于计算办结日期；按小时承诺的一件事还需填受理时间。</p>
            <div class="row"><input type="date" name="accepted" value="\(given.accepted?.description ?? "")" \
            aria-label="受理日期"> <input type="time" name="time" value="\(given.acceptedAt?.clock ?? "")" \
            aria-label="受理时间"></div></fieldset>
            <button class="primary" type="submit">编排</button>
            </form>
            """
    }

    var outcome: HTML {
        switch result {
        case .failure(let error):
            if case .missingAnswers(let questions) = error {
                return """
                    <div class="alert" id="missing">请先回答：\(questions.map(\.text).joined(separator: "；"))</div>
                    """
            }
            return "<div class=\"alert error\">\(error.description)</div>"
        case .success(let composition):
            return composed(composition)
        }
    }

    func composed(_ composition: Composition) -> HTML {
        let query = QueryText.query(given.query)
        let code = QueryText.encode(matter.code)
        let r = composition.reductions
        let figures = [
            figure("申请材料", r.materials, unit: "项"),
            figure("表单字段", r.formFields, unit: "个"),
            figure("跑动次数", r.visits, unit: "次"),
            time(composition.workingDays),
        ]
        var stages: HTML = ""
        for stage in composition.stages {
            let members = stage.members.compactMap { member(composition, $0) }
            let items = members.map { member -> HTML in
                """
                <li class="\(member.isCritical ? "critical" : "")"><a href="/items/\(QueryText.encode(member.code))">\
                \(member.name)</a> <span class="muted">\(member.department) · \(span(member.promised, composition.workingDays))\
                \(member.specialProcedureTexts.map { " · 特别程序：" + $0 }.joined())</span></li>
                """
            }
            let due = stage.due.map { " · \($0.description) 前" } ?? ""
            stages += """
                <div class="stage"><h3>第 \(stage.number) 阶段 · \(finish(stage.finish, composition.workingDays))\(due)</h3><ul>\(HTML.joined(items))</ul></div>
                """
        }
        var rows: HTML = ""
        for (index, material) in composition.materials.enumerated() {
            let source =
                material.providedBy.map { "由“\(names(composition, $0))”办理结果获取" }
                ?? material.eLicence.map { "可用电子证照：\($0)" } ?? ""
            let note = composition.note(for: material).map { note -> HTML in "<br>\(note)" } ?? ""
            rows += """
                <tr><td class="c" data-label="序号">\(index + 1)</td><td data-label="材料">\(material.name)</td>\
                <td data-label="要求">\(material.necessity.rawValue)</td>\
                <td class="c" data-label="原件">\(material.originals)</td><td class="c" data-label="复印件">\(material.copies)</td>\
                <td data-label="使用事项">\(material.usedBy.map { names(composition, $0) }.joined(separator: "、"))</td>\
                <td data-label="说明">\(source)\(note)</td></tr>

                """
        }
        let due =
            composition.due.map { due -> HTML in
                if let at = due.acceptedAt, let overall = due.overallAt, let promised = due.promisedAt {
                    return
                        "<p id=\"due\">受理时间 \(at.description)，预计 \(overall.description) 前办结（承诺 \(promised.description)）。</p>"
                }
                return
                    "<p id=\"due\">受理日期 \(due.accepted.description)，预计 \(due.overall.description) 前办结（承诺 \(due.promised.description)）。</p>"
            } ?? ""
        return """
            <h2>编排结果</h2>
            <div class="figures">\(HTML.joined(figures))</div>
            <p>关键路径：<span class="critical">\(composition.criticalPath.map { names(composition, $0) }.joined(separator: " → "))</span>，\
            共 \(amount(composition.workingDays.criticalExact, composition.workingDays))（逐项串联承诺 \
            \(amount(composition.workingDays.serialPromisedExact, composition.workingDays))，\
            法定 \(amount(composition.workingDays.serialStatutoryExact, composition.workingDays))）。</p>
            \(due)
            \(draftAction == nil ? actions(code: code, query: query) : HTML(""))
            <h3>办理阶段</h3>
            <div class="stages">\(stages)</div>
            <h3>合并后的材料清单 <span class="count" id="material-count" data-total="\(composition.materials.count)" \
            data-applicant="\(composition.applicantMaterials.count)">共 \(composition.materials.count) 项，\
            申请人提交 \(composition.applicantMaterials.count) 项</span></h3>
            <div class="scroll"><table id="materials" class="reflow"><thead><tr><th>序号</th><th>材料</th><th>要求</th><th>原件</th><th>复印件</th>\
            <th>使用事项</th><th>说明</th></tr></thead><tbody>
            \(rows)</tbody></table></div>
            <h3>等效命令</h3>
            <pre class="command">\(given.command(matter: matter, workspace: data.workspace))</pre>
            """
    }

    /// The buttons for the printed notice, the checklist and the JSON of this composition.
    func actions(code: String, query: String) -> HTML {
        """
        <div class="actions noprint">
        <a class="button" href="/matters/\(code)/notice?\(query)">一次性告知单</a>
        <a class="button secondary" href="/matters/\(code)/checklist?\(query)">收件清单</a>
        <a class="button secondary" href="/api/matters/\(code)/composition?\(query)">JSON</a>
        </div>
        """
    }

    /// The member a stage, path or material names, by member id or item code.
    func member(_ composition: Composition, _ key: String) -> ComposedMember? {
        composition.members.first { $0.id == key || $0.code == key }
    }

    /// A member's item name for an id or code (the key itself when unknown).
    func names(_ composition: Composition, _ key: String) -> String { member(composition, key)?.name ?? key }

    func figure(_ label: String, _ pair: BeforeAfter, unit: String) -> HTML {
        """
        <div class="figure"><div class="label">\(label)</div><div class="value">\(number(pair.after)) <small>\(unit)</small></div>\
        <div class="change">原 \(number(pair.before))，减少 \(number((pair.rate * 1000).rounded() / 10))%</div></div>
        """
    }

    /// 办理时间 before and after, in office hours for an hour-counted plan, else in working days.
    func time(_ time: WorkingDayFigures) -> HTML {
        let before = time.inPlanUnit(time.serialPromisedExact)
        let after = time.inPlanUnit(time.criticalExact)
        let pair = BeforeAfter(before: before.value.doubleValue, after: after.value.doubleValue)
        return figure("办理时间", pair, unit: time.isHourPlan ? "小时" : "个工作日")
    }

    /// A member's promised limit: `即办` for zero, else ``amount(_:_:)``.
    func span(_ days: Rational, _ time: WorkingDayFigures) -> String {
        days == .zero ? "即办" : amount(days, time)
    }

    /// A duration in the plan's unit: `2 小时` in an hour plan, `3 个工作日` otherwise.
    func amount(_ days: Rational, _ time: WorkingDayFigures) -> String {
        "\(number(time.inPlanUnit(days).value.doubleValue)) \(time.isHourPlan ? "小时" : "个工作日")"
    }

    /// When a stage finishes: `受理当场完成`, `2 小时内完成`, `第 3 个工作日内完成`.
    func finish(_ days: Rational, _ time: WorkingDayFigures) -> String {
        if days == .zero { return "受理当场完成" }
        let amount = time.inPlanUnit(days)
        return time.isHourPlan
            ? "受理后 \(number(amount.value.doubleValue)) 小时内完成" : "第 \(number(amount.value.doubleValue)) 个工作日内完成"
    }

    func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
