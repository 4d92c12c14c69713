public import OnegoAudit

/// The HTML form of a ``CatalogDiff``: the verdict, items added, removed and changed (each field before → after),
/// matters whose composition changed, every rate and target before → after, and errors by rule. The same page
/// shell, style sheet and Content-Security-Policy as the audit report; all catalog text is escaped.
public enum CatalogDiffHTMLReport {
    /// Renders the page; `oldName` and `newName` label the two versions (paths, or 上月/本月).
    public static func render(_ diff: CatalogDiff, oldName: String, newName: String) -> String {
        var body = header(diff, oldName: oldName, newName: newName)
        body += items(diff)
        body += matters(diff)
        body += rates(diff)
        if !diff.targets.isEmpty { body += targets(diff) }
        body += errors(diff)
        return ReportPage.document(
            title: "事项目录变更报告", style: AuditHTMLReport.style + style, body: body)
    }

    static let style = """
        .up{color:#2f8f46;font-weight:bold}.down{color:#c0392b;font-weight:bold}.same{color:#52606d}
        .added{color:#2f8f46}.removed{color:#c0392b;text-decoration:line-through}
        ul.changes{margin:0;padding-left:18px}ul.changes li{margin:2px 0}
        """

    static func header(_ diff: CatalogDiff, oldName: String, newName: String) -> HTML {
        let regressions = diff.regressions
        let verdict: HTML =
            regressions.isEmpty
            ? "<span class=\"verdict pass\">无退步</span>"
            : "<span class=\"verdict fail\">\(regressions.count) 处退步</span>"
        var out: HTML = """
            <h1>事项目录变更报告</h1>
            <div class="meta">比较 \(oldName) → \(newName)；新增 \(diff.added.count) 项，删除 \(diff.removed.count) 项，\
            变更 \(diff.changed.count) 项；一件事变化 \(diff.matters.count) 个</div>
            \(verdict)

            """
        if !regressions.isEmpty {
            out += "<h2>退步</h2>\n<ul>\n"
            for line in regressions { out += "<li class=\"down\">\(line)</li>\n" }
            out += "</ul>\n"
        }
        return out
    }

    static func items(_ diff: CatalogDiff) -> HTML {
        var rows: HTML = ""
        for item in diff.added {
            rows += row(kind: "<span class=\"added\">新增</span>", item, changes: "")
        }
        for item in diff.removed {
            rows += row(kind: "<span class=\"removed\">删除</span>", item, changes: "")
        }
        for change in diff.changed {
            var lines = change.fields.map { field -> HTML in
                let grew = field.field == "承诺时限" && change.promisedLimitGrew
                return "<li\(grew ? " class=\"down\"" : "")>\(field.field)：\(field.old) → \(field.new)</li>"
            }
            if !change.materialsAdded.isEmpty {
                lines.append("<li class=\"added\">新增材料：\(change.materialsAdded.joined(separator: "、"))</li>")
            }
            if !change.materialsRemoved.isEmpty {
                lines.append("<li>删除材料：\(change.materialsRemoved.joined(separator: "、"))</li>")
            }
            rows += row(kind: "变更", change.item, changes: "<ul class=\"changes\">\(HTML.joined(lines))</ul>")
        }
        guard !rows.text.isEmpty else { return "<h2>事项</h2>\n<p class=\"small\">没有新增、删除或变更的事项。</p>\n" }
        return """
            <h2>事项（新增 \(diff.added.count)，删除 \(diff.removed.count)，变更 \(diff.changed.count)）</h2>
            \(ReportTable.reflowing(headers: ["变化", "事项", "部门", "变更内容（前 → 后）"], rows: rows))

            """
    }

    static func row(kind: HTML, _ item: CatalogDiff.ItemReference, changes: HTML) -> HTML {
        """
        <tr><td>\(kind)</td><td>\(item.name)<br><code>\(item.code)</code></td><td>\(item.department)</td>\
        <td>\(changes)</td></tr>

        """
    }

    /// Each changed matter with every figure before → after (分别办理 and 一件事), added and removed ones marked.
    static func matters(_ diff: CatalogDiff) -> HTML {
        guard !diff.matters.isEmpty else { return "<h2>一件事</h2>\n<p class=\"small\">各一件事的编排成效没有变化。</p>\n" }
        var rows: HTML = ""
        for change in diff.matters {
            let labels = (change.new ?? change.old)?.rows.map(\.label) ?? []
            let status = change.old == nil ? "（新增）" : (change.new == nil ? "（删除）" : "")
            for (index, label) in labels.enumerated() {
                let before = change.old?.rows.first { $0.label == label }
                let after = change.new?.rows.first { $0.label == label }
                let head: HTML =
                    index == 0
                    ? "<td rowspan=\"\(labels.count)\">\(change.name)\(status)<br><code>\(change.code)</code>"
                        + "<div class=\"small\">成员 \(change.old?.members ?? 0) → \(change.new?.members ?? 0) 个事项</div></td>"
                    : ""
                rows += """
                    <tr>\(head)<td>\(label)</td><td class="num">\(figure(before))</td><td class="num">\(figure(after))</td>\
                    <td class="num \(direction(before?.after, after?.after))">\(reductionChange(before, after))</td></tr>

                    """
            }
        }
        return """
            <h2>一件事编排变化（\(diff.matters.count) 个）</h2>
            <table><thead><tr><th>一件事</th><th>指标</th><th>变更前（分别 → 一件事）</th><th>变更后（分别 → 一件事）</th><th>减少率</th></tr></thead>
            <tbody>
            \(rows)</tbody></table>

            """
    }

    static func figure(_ row: MatterFigures.Row?) -> String {
        guard let row else { return "—" }
        return "\(AuditFormatting.number(row.before)) → \(AuditFormatting.number(row.after)) \(row.unit)"
    }

    static func reductionChange(_ old: MatterFigures.Row?, _ new: MatterFigures.Row?) -> String {
        "\(AuditFormatting.percent(old?.reduction)) → \(AuditFormatting.percent(new?.reduction))"
    }

    /// Fewer (materials, days, visits) after is better for the applicant.
    static func direction(_ old: Double?, _ new: Double?) -> String {
        guard let old, let new, old != new else { return "same" }
        return new < old ? "up" : "down"
    }

    static func rates(_ diff: CatalogDiff) -> HTML {
        var rows: HTML = ""
        for rate in diff.rates {
            rows += """
                <tr><td>\(rate.name)</td><td class="num">\(AuditFormatting.percent(rate.old.value))（\(rate.old.numerator)/\(rate.old.denominator)）</td>\
                <td class="num">\(AuditFormatting.percent(rate.new.value))（\(rate.new.numerator)/\(rate.new.denominator)）</td>\
                <td class="\(rate.direction.rawValue)">\(rate.direction.symbol) \(change(rate))</td></tr>

                """
        }
        return """
            <h2>覆盖率（前 → 后）</h2>
            \(ReportTable.reflowing(headers: ["指标", "变更前", "变更后", "变化"], rows: rows))

            """
    }

    /// `+2.5 个百分点`, or empty when either side has no value.
    static func change(_ rate: CatalogDiff.RateChange) -> String {
        guard let old = rate.old.value, let new = rate.new.value else { return "" }
        let points = (new - old) * 100
        return (points > 0 ? "+" : "") + AuditFormatting.fixed(points, digits: 1) + " 个百分点"
    }

    static func targets(_ diff: CatalogDiff) -> HTML {
        var rows: HTML = ""
        for target in diff.targets {
            let css = target.wasMet == target.isMet ? "same" : (target.isMet ? "up" : "down")
            rows += """
                <tr><td>\(target.name)</td><td>\(target.wasMet ? "达成" : "未达成")</td>\
                <td class="\(css)">\(target.isMet ? "达成" : "未达成")</td></tr>

                """
        }
        return """
            <h2>目标（前 → 后）</h2>
            \(ReportTable.reflowing(headers: ["目标", "变更前", "变更后"], rows: rows))

            """
    }

    static func errors(_ diff: CatalogDiff) -> HTML {
        guard !diff.errorsByRule.isEmpty else { return "<h2>错误</h2>\n<p class=\"small\">两版都没有错误。</p>\n" }
        var rows: HTML = ""
        for count in diff.errorsByRule {
            rows += """
                <tr><td><span class="rule-title">\(count.title)</span><code>\(count.rule)</code></td>\
                <td class="num">\(count.old)</td><td class="num \(count.new > count.old ? "down" : (count.new < count.old ? "up" : "same"))">\(count.new)</td></tr>

                """
        }
        return """
            <h2>错误（按规则，前 → 后）</h2>
            \(ReportTable.reflowing(headers: ["规则", "变更前", "变更后"], rows: rows))

            """
    }
}
