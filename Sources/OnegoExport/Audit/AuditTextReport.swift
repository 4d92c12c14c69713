public import OnegoAudit
import OnegoBase
import OnegoCatalog

/// The terminal summary of an audit: targets first, then the rates and compression, then findings grouped by rule.
public enum AuditTextReport {
    /// Renders the report as plain text.
    public static func render(_ report: AuditReport) -> String {
        let s = report.subject
        var out =
            "审计日期 \(report.today)；\(s.handlingItems) 个业务办理项（\(s.implementationItems) 个实施清单事项），\(s.departments.count) 个部门，\(s.materials) 条申请材料；统计口径：\(report.population.label)\n"
        out += targets(report)
        out += rates(report)
        out += compression(report.compression)
        out += matters(report)
        out += regionalVariation(report)
        out += "\n发现：\(report.errorCount) 个错误，\(report.warningCount) 条警告，\(report.noteCount) 条提示"
        out += report.waived.isEmpty ? "\n" : "；\(report.waived.count) 条已豁免\n"
        out += departments(report)
        out += findingsByRule(report)
        out +=
            "\n"
            + (report.passes
                ? "结论：通过（无错误，目标全部达成）"
                : "结论：未通过（\(report.errorCount) 个错误，\(report.failedTargets.count) 项目标未达成"
                    + (report.unassessableTargets.isEmpty ? "" : "，\(report.unassessableTargets.count) 项目标无法评估") + "）")
            + "\n"
        return out
    }

    /// The policy's targets, each with its work list; nothing without a policy.
    static func targets(_ report: AuditReport) -> String {
        guard let policy = report.policy else { return "" }
        let met = report.targets.count(where: \.met)
        let unassessable = report.unassessableTargets.count
        var out =
            "\n目标（\(policy.name)）：\(met)/\(report.targets.count) 项达成"
            + (unassessable > 0 ? "，\(unassessable) 项无法评估（分母为 0）" : "") + "\n"
        let order = report.departmentsWorstFirst
        for result in report.targets {
            let t = result.target
            let mark = result.met ? "✓ 达成" : (result.isAssessable ? "✗ 未达成" : "－ 无法评估")
            let value = AuditFormatting.targetValue(result.value, t)
            var line =
                "  \(mark)  \(t.name)：\(value)（\(AuditFormatting.number(result.numerator))/\(AuditFormatting.number(result.denominator))），目标 \(t.comparison.symbol) \(t.thresholdText)"
            if !result.met { line += "，" + AuditFormatting.gap(result) }
            out += line + "\n"
            out += workList(result, order: order)
        }
        return out
    }

    /// The coverage rates and the 跨省通办 modes.
    static func rates(_ report: AuditReport) -> String {
        var out = "\n覆盖率（\(report.population.label)）：\n"
        for rate in report.rates {
            let r = rate.ratio
            out +=
                "  \(pad(rate.name, 20)) \(pad(AuditFormatting.percent(r.value), 7))（\(r.numerator)/\(r.denominator)）\n"
        }
        let byMode = report.crossRegion.crossProvinceByMode
        if !byMode.isEmpty {
            let modes = byMode.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "，")
            out += "  跨省通办按模式：\(modes)\n"
        }
        return out
    }

    /// Time-limit compression: the averages, the unreformed and unpublished items (ten of each).
    static func compression(_ c: CompressionFigures) -> String {
        var out = "\n时限压缩（\(c.overall.counted) 个有法定时限的事项；\(c.excluded.count) 个不计入）：\n"
        out +=
            "  逐项平均 \(AuditFormatting.percent(c.overall.meanOfRates))　按天数加权 \(AuditFormatting.percent(c.overall.dayWeighted))（法定 \(AuditFormatting.number(c.overall.statutoryDays)) 个工作日 → 承诺 \(AuditFormatting.number(c.overall.promisedDays)) 个工作日）\n"
        out +=
            "  行政许可：逐项平均 \(AuditFormatting.percent(c.licensing.meanOfRates))　按天数加权 \(AuditFormatting.percent(c.licensing.dayWeighted))（\(c.licensing.counted) 项）\n"
        out += "  即办件 \(c.immediateCount) 项按 100% 计；承诺等于法定（未压缩）\(c.unreformed.count) 项\n"
        for item in c.unreformed.prefix(10) {
            out += "    未压缩：\(item.name)（\(item.item)）\(item.statutory.map(\.description) ?? "")\n"
        }
        if c.unreformed.count > 10 { out += "    ……另有 \(c.unreformed.count - 10) 项\n" }
        let unpublished = c.notPublished
        if !unpublished.isEmpty {
            out += "  承诺办结时限未公布 \(unpublished.count) 项（无数据，不计入压缩率，不按 0 计）：\n"
            for item in unpublished.prefix(10) { out += "    未公布：\(item.name)（\(item.item)）\n" }
            if unpublished.count > 10 { out += "    ……另有 \(unpublished.count - 10) 项\n" }
        }
        return out
    }

    /// Each matter's figures, separately → as one matter.
    static func matters(_ report: AuditReport) -> String {
        guard !report.matters.isEmpty else { return "" }
        var out = "\n一件事（最完整情形，分别办理 → 一件事办理）：\n"
        for matter in report.matters {
            let rows = matter.rows.map {
                "\($0.label) \(AuditFormatting.number($0.before))→\(AuditFormatting.number($0.after))\($0.unit)"
            }.joined(separator: "，")
            out += "  \(matter.name)（\(matter.members) 个事项）：\(rows)\n"
        }
        return out
    }

    /// 四级四同: each basic code implemented differently across regions, with every implementation.
    static func regionalVariation(_ report: AuditReport) -> String {
        guard !report.regionalVariation.isEmpty else { return "" }
        var out = "\n四级四同（同一基本编码在各地区的实施差异，\(report.regionalVariation.count) 个基本编码）：\n"
        for variation in report.regionalVariation {
            out +=
                "  \(variation.name)（\(variation.basicCode)）：材料 \(variation.fewestMaterials)–\(variation.mostMaterials) 项，"
                + "承诺时限 \(variation.promisedLimits.joined(separator: " / "))\n"
            for implementation in variation.implementations {
                out +=
                    "    \(implementation.region) \(implementation.name)（\(implementation.item)）：材料 \(implementation.materials) 项，"
                    + "承诺 \(implementation.promised)\n"
            }
        }
        return out
    }

    /// The findings grouped by rule, in the order their rules first appear.
    static func findingsByRule(_ report: AuditReport) -> String {
        var order: [String] = []
        var byRule: [String: [Finding]] = [:]
        for finding in report.findings {
            if byRule[finding.rule.rawValue] == nil { order.append(finding.rule.rawValue) }
            byRule[finding.rule.rawValue, default: []].append(finding)
        }
        var out = ""
        for rule in order {
            let findings = byRule[rule] ?? []
            let title = report.registry.rule(id: rule)?.title ?? rule
            out += "\n[\(rule)] \(title)（\(findings.count) 条，\(findings[0].severity.label)）\n"
            for finding in findings { out += "  " + finding.description + "\n" }
        }
        return out
    }

    /// How many work items the text report names per missed target; HTML, JSON, CSV and XLSX list them all.
    static let workListLimit = 12

    /// A missed target's work list, grouped by department (worst first), cut to ``workListLimit`` lines.
    static func workList(_ result: TargetResult, order: [String]) -> String {
        guard !result.missing.isEmpty else { return "" }
        var out = "      待办事项 \(result.missing.count) 项（未达标的事项，按部门"
        if let needed = result.itemsNeeded, needed < result.missing.count { out += "；改好其中任意 \(needed) 项即可达标" }
        out += "）：\n"
        var shown = 0
        for (department, items) in AuditFormatting.grouped(result.missing, order: order) {
            guard shown < workListLimit else { break }
            out += "      \(department)（\(items.count) 项）\n"
            for item in items.prefix(workListLimit - shown) {
                out += "        \(item.code)  \(item.name)：\(item.reason)\n"
                shown += 1
            }
        }
        if result.missing.count > shown {
            out += "        ……另有 \(result.missing.count - shown) 项，完整清单见 --format html、json、csv 或 xlsx\n"
        }
        return out
    }

    /// Departments with findings or work items, worst first.
    static func departments(_ report: AuditReport) -> String {
        let rows = report.departmentSummaries.filter { $0.errors + $0.warnings + $0.notes + $0.workItems > 0 }
        guard !rows.isEmpty else { return "" }
        var out = "\n各部门（错误多者在前）：\n"
        for row in rows {
            out +=
                "  \(pad(row.department, 24)) \(row.errors) 个错误，\(row.warnings) 条警告，\(row.notes) 条提示，待办事项 \(row.workItems) 项\n"
        }
        return out
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        // CJK characters take two columns in a terminal.
        let columns = text.unicodeScalars.reduce(0) { $0 + ($1.value > 0x2E80 ? 2 : 1) }
        return text + String(repeating: " ", count: max(0, width - columns))
    }
}
