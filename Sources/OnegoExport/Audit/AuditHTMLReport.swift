public import OnegoAudit
import OnegoBase
import OnegoCatalog

/// The audit as one self-contained HTML page: targets, coverage, bar charts per department (inline SVG),
/// compression, matters and the findings table. No external resources; all catalog text is escaped.
public enum AuditHTMLReport {
    /// The rates charted per department, in order.
    static let chartedRates = [
        "online", "fully-online", "at-most-one-visit", "zero-visit", "immediate", "tolerance-items",
    ]

    /// Renders the page: the full sections with every list cut to `rowLimit` rows (the full lists are in the CSV,
    /// XLSX and JSON outputs, which each cut list names), so a 100,000-item report stays small enough to open.
    public static func render(_ report: AuditReport, rowLimit: Int = defaultRowLimit) -> String {
        ReportPage.document(title: title(report), style: style, body: sectionsHTML(report, rowLimit: rowLimit))
    }

    /// Rows shown per list (work list, findings, compression lists, waivers) and bars per chart by default.
    public static let defaultRowLimit = 200

    /// The page's body without the document shell: header, targets, rates, charts, compression, matters and
    /// findings (for embedding in a page that brings its own style sheet).
    public static func sections(_ report: AuditReport, rowLimit: Int = defaultRowLimit) -> String {
        sectionsHTML(report, rowLimit: rowLimit).text
    }

    /// ``sections(_:rowLimit:)`` as markup.
    /// ``sections(_:rowLimit:)`` as markup, for a page that embeds it.
    public static func sectionsMarkup(_ report: AuditReport, rowLimit: Int = defaultRowLimit) -> HTML {
        sectionsHTML(report, rowLimit: rowLimit)
    }

    static func sectionsHTML(_ report: AuditReport, rowLimit: Int) -> HTML {
        let limit = max(rowLimit, 1)
        var body: HTML = ""
        body += header(report)
        if !report.targets.isEmpty { body += targets(report) }
        body += workLists(report, limit: limit)
        body += departments(report)
        body += rates(report)
        body += charts(report, limit: limit)
        body += compression(report, limit: limit)
        if !report.matters.isEmpty { body += matters(report) }
        body += AuditFourSameSection.section(report, limit: limit)
        body += findingsByRule(report)
        body += findings(report, limit: limit)
        return body
    }

    static func title(_ report: AuditReport) -> String {
        "政务服务事项目录审计报告" + (report.policy.map { "：\($0.name)" } ?? "")
    }

    static let style = """
        body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0;padding:24px 32px;color:#1f2933;background:#f7f8fa;line-height:1.5}
        h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 12px;border-bottom:2px solid #d9dee5;padding-bottom:4px}
        .meta{color:#52606d;font-size:14px}.verdict{display:inline-block;margin-top:10px;padding:6px 14px;border-radius:4px;font-weight:bold;color:#fff}
        .pass{background:#2f8f46}.fail{background:#c0392b}
        table{border-collapse:collapse;width:100%;background:#fff;font-size:14px}th,td{border:1px solid #d9dee5;padding:5px 8px;text-align:left;vertical-align:top}
        th{background:#eef1f5}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        .met{color:#2f8f46;font-weight:bold}.missed{color:#c0392b;font-weight:bold}
        .sev-error{color:#c0392b;font-weight:bold}.sev-warning{color:#b7791f}.sev-note{color:#52606d}
        .charts{display:flex;flex-wrap:wrap;gap:16px}.chart{background:#fff;border:1px solid #d9dee5;padding:8px 12px}
        .chart h3{font-size:15px;margin:4px 0}.small{font-size:12px;color:#52606d}code{font-size:12px;word-break:break-all}
        .cards{display:flex;flex-wrap:wrap;gap:12px}.card{background:#fff;border:1px solid #d9dee5;padding:10px 16px;min-width:220px}
        .card .big{font-size:26px;font-weight:bold}
        details{margin:12px 0}summary{cursor:pointer;margin-bottom:6px;font-weight:bold}
        .rule-title{display:block;font-size:13px}table.findings{table-layout:fixed}col.w-severity{width:3.5em}col.w-rule{width:15%}col.w-department{width:13%}col.w-item{width:20%}col.w-location{width:16%}table.findings td{overflow-wrap:anywhere}h3.dept{font-size:15px;margin:14px 0 6px}
        .more{font-size:13px;color:#52606d;background:#fff8e6;border-left:3px solid #b7791f;padding:4px 10px;margin:6px 0}
        @page{size:A4;margin:14mm 12mm 16mm;@bottom-center{content:"第 " counter(page) " 页 共 " counter(pages) " 页";font-size:9pt;color:#52606d}}
        @media print{body{background:#fff;padding:0;font-size:11pt}h2,h3{break-after:avoid}
        .charts{display:block}.chart{margin:0 0 8mm;border:none;padding:0;page-break-inside:avoid}.chart svg{max-height:250mm;width:auto}
        .chart,.card,tr,thead,svg{break-inside:avoid}thead{display:table-header-group}
        .verdict{border:1px solid #000;color:#000;background:#fff}}
        .chart svg{max-width:100%;height:auto}body{overflow-wrap:break-word}
        """ + ReportTable.phoneStyle

    static func header(_ report: AuditReport) -> HTML {
        let s = report.subject
        let verdict: HTML =
            report.passes
            ? "<span class=\"verdict pass\">通过：无错误，目标全部达成</span>"
            : "<span class=\"verdict fail\">未通过：\(report.errorCount) 个错误，\(report.failedTargets.count) 项目标未达成</span>"
        return """
            <h1>\(title(report))</h1>
            <div class="meta">审计日期 \(report.today.description)；\(s.handlingItems) 个业务办理项（\(s.implementationItems) 个实施清单事项），\(s.departments.count) 个部门，\(s.materials) 条申请材料；统计口径：\(report.population.label)；目录：\(s.paths.joined(separator: "、"))</div>
            \(verdict)

            """
    }

    static func targets(_ report: AuditReport) -> HTML {
        var rows: HTML = ""
        let sources = Dictionary(report.policy?.sources.map { ($0.id, $0) } ?? [], uniquingKeysWith: { a, _ in a })
        for result in report.targets {
            let t = result.target
            let source = t.source.flatMap { sources[$0] }
            rows += """
                <tr><td>\(t.name)</td><td class="num">\(AuditFormatting.targetValue(result.value, t))</td>\
                <td class="num">\(AuditFormatting.number(result.numerator))/\(AuditFormatting.number(result.denominator))</td>\
                <td class="num">\(t.comparison.symbol) \(t.thresholdText)</td>\
                <td class="\(result.met ? "met" : (result.isAssessable ? "missed" : ""))">\
                \(result.met ? "✓ 达成" : (result.isAssessable ? "✗ 未达成" : "－ 无法评估"))</td>\
                <td>\(AuditFormatting.gap(result))</td><td>\(source?.title ?? "")</td></tr>

                """
        }
        return """
            <h2>目标</h2>
            \(ReportTable.reflowing(headers: ["目标", "实际", "分子/分母", "要求", "结果", "差距", "来源"], rows: rows))

            """
    }

    /// For each missed target, the items that miss it grouped by department (worst first): every department
    /// with its count, and at most `limit` item rows in all; the full list is in the XLSX and JSON outputs.
    static func workLists(_ report: AuditReport, limit: Int) -> HTML {
        let missed = report.targets.filter { !$0.met && !$0.missing.isEmpty }
        guard !missed.isEmpty else { return "" }
        let order = report.departmentsWorstFirst
        var out: HTML = "<h2>待办事项（未达成目标涉及的事项）</h2>\n"
        for result in missed {
            out += """
                <details open><summary>\(result.target.name)：\(result.missing.count) 个事项未达标\
                （\(AuditFormatting.gap(result))）</summary>

                """
            var rows: HTML = ""
            var budget = limit
            let groups = AuditFormatting.grouped(result.missing, order: order)
            // Each department gets a share of the rows, so the worst one does not hide the others.
            let share = max(5, limit / max(groups.count, 1))
            for (department, items) in groups {
                let shown = items.prefix(min(budget, share))
                budget -= shown.count
                let hidden = items.count - shown.count
                let span = shown.count + (hidden > 0 ? 1 : 0)
                let head: HTML =
                    "<td rowspan=\"\(span)\">\(department)<div class=\"small\">\(items.count) 项</div></td>"
                for (index, item) in shown.enumerated() {
                    rows += """
                        <tr>\(index == 0 ? head : "")<td>\(item.name)<br><code>\(item.code)</code></td><td>\(item.reason)</td></tr>

                        """
                }
                if hidden > 0 {
                    rows +=
                        "<tr>\(shown.isEmpty ? head : "")<td colspan=\"2\" class=\"small\">另有 \(hidden) 项未列出</td></tr>\n"
                }
            }
            out += """
                <table><thead><tr><th>部门</th><th>事项</th><th>未达标原因</th></tr></thead>
                <tbody>
                \(rows)</tbody></table>\(omitted(shown: min(limit, result.missing.count), of: result.missing.count, in: .workList))</details>

                """
        }
        return out
    }

    /// Departments worst first: errors, warnings, notes and work items.
    static func departments(_ report: AuditReport) -> HTML {
        var rows: HTML = ""
        for row in report.departmentSummaries {
            rows += """
                <tr><td>\(row.department)</td><td class="num">\(row.errors)</td><td class="num">\(row.warnings)</td>\
                <td class="num">\(row.notes)</td><td class="num">\(row.workItems)</td></tr>

                """
        }
        return """
            <h2>各部门问题（错误多者在前）</h2>
            \(ReportTable.reflowing(headers: ["部门", "错误", "警告", "提示", "待办事项"], rows: rows))

            """
    }

    static func rates(_ report: AuditReport) -> HTML {
        var rows: HTML = ""
        for rate in report.rates {
            let excluded = rate.excluded.isEmpty ? "" : "（不计入 \(rate.excluded.count) 项）"
            rows += """
                <tr><td>\(rate.name)</td><td class="num">\(AuditFormatting.percent(rate.ratio.value))</td>\
                <td class="num">\(rate.ratio.numerator)/\(rate.ratio.denominator)</td><td>\(rate.formula)\(excluded)</td>\
                <td>\(rate.population)</td></tr>

                """
        }
        let modes = report.crossRegion.crossProvinceByMode.sorted { $0.key < $1.key }
            .map { "\($0.key) \($0.value) 项" }.joined(separator: "，")
        return """
            <h2>覆盖率</h2>
            \(ReportTable.reflowing(headers: ["指标", "数值", "分子/分母", "口径", "统计对象"], rows: rows))
            <p class="small">跨省通办按模式：\(modes.isEmpty ? "无" : modes)</p>

            """
    }

    /// One horizontal bar chart per rate, one bar per department, with the policy's threshold as a dashed line.
    static func charts(_ report: AuditReport, limit: Int) -> HTML {
        var out: HTML = "<h2>各部门情况</h2>\n<div class=\"charts\">\n"
        let thresholds = Dictionary(
            report.targets.filter { $0.target.measure == .rate }.map { ($0.target.figure, $0.target.threshold) },
            uniquingKeysWith: { a, _ in a })
        for id in chartedRates {
            guard let rate = report.rate(id), let groups = rate.breakdown[.department], !groups.isEmpty else {
                continue
            }
            let bars = groups.sorted { ($0.ratio.value ?? -1, $0.label) < ($1.ratio.value ?? -1, $1.label) }.map {
                (label: $0.label, value: $0.ratio.value, detail: "\($0.ratio.numerator)/\($0.ratio.denominator)")
            }
            out += chart(title: rate.name, bars: bars, threshold: thresholds[id], limit: limit)
        }
        let compressionBars = report.compression.byDepartment.sorted {
            ($0.aggregate.dayWeighted ?? -1, $0.department) < ($1.aggregate.dayWeighted ?? -1, $1.department)
        }.map {
            (label: $0.department, value: $0.aggregate.dayWeighted, detail: "\($0.aggregate.counted) 项")
        }
        if !compressionBars.isEmpty {
            out += chart(
                title: "时限压缩率（按天数加权）", bars: compressionBars,
                threshold: thresholds["compression-weighted"]
                    ?? report.targets.first { $0.target.figure == "compression-weighted" }?.target.threshold,
                limit: limit)
        }
        return out + "</div>\n"
    }

    /// One chart; past `limit` bars (more departments than fit on a page) only the lowest are drawn, with a note.
    static func chart(
        title: String, bars allBars: [(label: String, value: Double?, detail: String)], threshold: Double?,
        limit: Int
    ) -> HTML {
        let barLimit = min(limit, chartBarLimit)
        let bars = Array(allBars.prefix(barLimit))
        let labelWidth = 190.0
        let barWidth = 260.0
        let valueWidth = 110.0
        let rowHeight = 22.0
        let top = 8.0
        let width = labelWidth + barWidth + valueWidth
        let height = top * 2 + rowHeight * Double(bars.count) + 14
        var svg: HTML = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-label="\(title)">

            """
        for (index, bar) in bars.enumerated() {
            let y = top + rowHeight * Double(index)
            let fraction = min(max(bar.value ?? 0, 0), 1)
            let met = threshold.map { (bar.value ?? 0) >= $0 - 1e-9 } ?? true
            let color = bar.value == nil ? "#c4cdd5" : (met ? "#3b7dd8" : "#e07b39")
            let label = bar.label.count > 13 ? String(bar.label.prefix(12)) + "…" : bar.label
            svg += """
                <text x="\(labelWidth - 6)" y="\(y + 15)" font-size="12" text-anchor="end" fill="#1f2933"><title>\(bar.label)</title>\(label)</text>\
                <rect x="\(labelWidth)" y="\(y + 4)" width="\(barWidth)" height="\(rowHeight - 8)" fill="#eef1f5"/>\
                <rect x="\(labelWidth)" y="\(y + 4)" width="\(AuditFormatting.fixed(barWidth * fraction, digits: 1))" height="\(rowHeight - 8)" fill="\(color)"/>\
                <text x="\(labelWidth + barWidth + 6)" y="\(y + 15)" font-size="12" fill="#1f2933">\(AuditFormatting.percent(bar.value)) (\(bar.detail))</text>

                """
        }
        let axisY = top + rowHeight * Double(bars.count)
        if let threshold {
            let x = labelWidth + barWidth * min(max(threshold, 0), 1)
            svg += """
                <line x1="\(AuditFormatting.fixed(x, digits: 1))" y1="\(top)" x2="\(AuditFormatting.fixed(x, digits: 1))" y2="\(axisY)" stroke="#c0392b" stroke-width="1.5" stroke-dasharray="4 3"/>\
                <text x="\(AuditFormatting.fixed(x, digits: 1))" y="\(axisY + 12)" font-size="11" text-anchor="middle" fill="#c0392b">目标 \(AuditFormatting.percent(threshold, digits: 0))</text>

                """
        }
        svg += "</svg>"
        let note: HTML =
            allBars.count > bars.count
            ? "<p class=\"small\">只画出最低的 \(bars.count) 个部门，另有 \(allBars.count - bars.count) 个部门见上方“覆盖率”及 JSON 输出（rates 的 breakdown）</p>"
            : ""
        return "<div class=\"chart\"><h3>\(title)</h3>\n\(svg)\(note)</div>\n"
    }

    static func compression(_ report: AuditReport, limit: Int) -> HTML {
        let c = report.compression
        func card(_ title: String, _ value: Double?, _ note: String) -> HTML {
            "<div class=\"card\"><div>\(title)</div><div class=\"big\">\(AuditFormatting.percent(value))</div><div class=\"small\">\(note)</div></div>"
        }
        var out: HTML = "<h2>时限压缩</h2>\n<div class=\"cards\">"
        out += card("逐项平均", c.overall.meanOfRates, "\(CompressionAggregate.meanLabel)；\(c.overall.counted) 项")
        out += card(
            "按天数加权", c.overall.dayWeighted,
            "\(CompressionAggregate.weightedLabel)；法定 \(AuditFormatting.number(c.overall.statutoryDays)) → 承诺 \(AuditFormatting.number(c.overall.promisedDays)) 个工作日"
        )
        out += card("行政许可（逐项平均）", c.licensing.meanOfRates, "\(c.licensing.counted) 项")
        out += card("行政许可（按天数加权）", c.licensing.dayWeighted, "\(c.licensing.counted) 项")
        let unpublished = c.notPublished
        out +=
            "</div>\n<p class=\"small\">即办件 \(c.immediateCount) 项按 100% 计。"
            + (unpublished.isEmpty ? "" : "承诺办结时限未公布 \(unpublished.count) 项：无数据，不计入压缩率，不按 0 计。") + "</p>\n"
        out += itemTable("承诺时限等于法定时限（尚未压缩）", c.unreformed, reason: false, open: true, limit: limit)
        if !unpublished.isEmpty {
            out += itemTable("承诺办结时限未公布的事项", unpublished, reason: false, open: true, limit: limit)
        }
        out += itemTable("不计入压缩率的事项", c.excluded, reason: true, open: false, limit: limit)
        return out
    }

    /// A table of items inside a `<details>` block (long exclusion lists start folded).
    static func itemTable(_ title: String, _ items: [ItemCompression], reason: Bool, open: Bool, limit: Int)
        -> HTML
    {
        guard !items.isEmpty else { return "<p class=\"small\">\(title)：无</p>\n" }
        var rows: HTML = ""
        for item in items.prefix(limit) {
            let exclusion: HTML = reason ? "<td>\(item.exclusion ?? "")</td>" : ""
            rows += """
                <tr><td>\(item.name)</td><td><code>\(item.item)</code></td><td>\(item.department)</td>\
                <td class="num">\(item.statutory?.description ?? "—")</td><td class="num">\(item.promised?.description ?? PublishedState.notPublished.rawValue)</td>\
                \(exclusion)</tr>

                """
        }
        return """
            <details\(open ? " open" : "")><summary>\(title)（\(items.count) 项）</summary>
            \(ReportTable.reflowing(headers: ["事项", "编码", "部门", "法定", "承诺"] + (reason ? ["原因"] : []), rows: rows))\(omitted(shown: min(limit, items.count), of: items.count, in: .compression))</details>

            """
    }

    static func matters(_ report: AuditReport) -> HTML {
        var rows: HTML = ""
        for matter in report.matters {
            for (index, row) in matter.rows.enumerated() {
                let head: HTML =
                    index == 0
                    ? "<td rowspan=\"\(matter.rows.count)\">\(matter.name)<div class=\"small\">\(matter.members) 个事项</div></td>"
                    : ""
                rows += """
                    <tr>\(head)<td>\(row.label)</td><td class="num">\(AuditFormatting.number(row.before)) \(row.unit)</td>\
                    <td class="num">\(AuditFormatting.number(row.after)) \(row.unit)</td><td class="num">\(AuditFormatting.percent(row.reduction))</td></tr>

                    """
            }
        }
        return """
            <h2>一件事（最完整情形）</h2>
            <table><thead><tr><th>一件事</th><th>指标</th><th>分别办理</th><th>一件事办理</th><th>减少</th></tr></thead>
            <tbody>
            \(rows)</tbody></table>

            """
    }

    /// The first `limit` findings (report order), then the waivers likewise; the rest are in the CSV/XLSX/JSON.
    static func findings(_ report: AuditReport, limit: Int) -> HTML {
        var rows: HTML = ""
        for finding in report.findings.prefix(limit) {
            let place = finding.location.map(\.description) ?? ""
            rows += """
                <tr><td class="sev-\(finding.severity.rawValue)">\(finding.severity.label)</td>\
                <td><span class="rule-title">\(AuditFormatting.ruleTitle(finding.rule.rawValue, in: report))</span><code>\(finding.rule.rawValue)</code></td>\
                <td>\(finding.department ?? "")</td><td>\(finding.itemName ?? "")<br><code>\(finding.item ?? "")</code></td><td>\(finding.message)</td><td><code>\(place)</code></td></tr>

                """
        }
        var out: HTML = """
            <h2>发现（\(report.errorCount) 个错误，\(report.warningCount) 条警告，\(report.noteCount) 条提示）</h2>
            \(ReportTable.reflowing(
                headers: ["级别", "规则", "部门", "事项", "说明", "位置"], rows: rows, class: "findings",
                prefix: "<colgroup><col class=\"w-severity\"><col class=\"w-rule\"><col class=\"w-department\"><col class=\"w-item\"><col><col class=\"w-location\"></colgroup>"))
            \(omitted(shown: min(limit, report.findings.count), of: report.findings.count, in: .findings))

            """
        if !report.waived.isEmpty {
            var waived: HTML = ""
            for entry in report.waived.prefix(limit) {
                waived += """
                    <tr><td><code>\(entry.finding.rule.rawValue)</code></td><td>\(entry.finding.itemName ?? (entry.isGlobal ? "全局" : ""))</td>\
                    <td>\(entry.finding.message)</td><td>\(entry.reason)</td><td>\(entry.expires?.description ?? "长期")</td></tr>

                    """
            }
            out += """
                <h2>已豁免（\(report.waived.count) 条）</h2>
                \(ReportTable.reflowing(headers: ["规则", "事项", "说明", "豁免理由", "有效期至"], rows: waived))
                \(omitted(shown: min(limit, report.waived.count), of: report.waived.count, in: .waivers))

                """
        }
        return out
    }
}
