import Foundation
public import OnegoAudit

/// The text and JSON forms of a ``CatalogDiff``.
public enum CatalogDiffReport {
    /// The terminal summary: items added, removed and changed, rates with direction, errors by rule, regressions.
    /// A rate that fell by at most `tolerance` percentage points is shown but not counted as a regression, as in
    /// ``CatalogDiff/regressions(tolerance:)`` (so the report and `--fail-on-regression --tolerance` agree).
    public static func text(_ diff: CatalogDiff, tolerance: Double = 0) -> String {
        var out = "事项：新增 \(diff.added.count) 项，删除 \(diff.removed.count) 项，变更 \(diff.changed.count) 项\n"
        for item in diff.added { out += "  + \(item.code)  \(item.name)（\(item.department)）\n" }
        for item in diff.removed { out += "  - \(item.code)  \(item.name)（\(item.department)）\n" }
        for change in diff.changed {
            out += "  ~ \(change.item.code)  \(change.item.name)（\(change.item.department)）\n"
            for field in change.fields { out += "      \(field.field)：\(field.old) → \(field.new)\n" }
            if !change.materialsAdded.isEmpty {
                out += "      新增材料：\(change.materialsAdded.joined(separator: "、"))\n"
            }
            if !change.materialsRemoved.isEmpty {
                out += "      删除材料：\(change.materialsRemoved.joined(separator: "、"))\n"
            }
        }
        if !diff.matters.isEmpty {
            out += "\n一件事编排变化（\(diff.matters.count) 个）：\n"
            for change in diff.matters {
                let status = change.old == nil ? "（新增）" : (change.new == nil ? "（删除）" : "")
                out += "  ~ \(change.code)  \(change.name)\(status)\n"
                for row in (change.new ?? change.old)?.rows ?? [] {
                    let before = change.old?.rows.first { $0.label == row.label }
                    let after = change.new?.rows.first { $0.label == row.label }
                    out += "      \(row.label)：\(figures(before)) ⇒ \(figures(after))\n"
                }
            }
        }
        out += "\n覆盖率（前 → 后）：\n"
        for rate in diff.rates {
            out +=
                "  \(rate.direction.symbol) \(rate.name)：\(AuditFormatting.percent(rate.old.value))（\(rate.old.numerator)/\(rate.old.denominator)）→ \(AuditFormatting.percent(rate.new.value))（\(rate.new.numerator)/\(rate.new.denominator)）\n"
        }
        if !diff.targets.isEmpty {
            out += "\n目标（前 → 后）：\n"
            for target in diff.targets {
                out += "  \(target.name)：\(target.wasMet ? "达成" : "未达成") → \(target.isMet ? "达成" : "未达成")\n"
            }
        }
        out += "\n错误（按规则，前 → 后）：\(diff.errorsByRule.isEmpty ? "无" : "")\n"
        for count in diff.errorsByRule {
            out += "  [\(count.rule)] \(count.title)：\(count.old) → \(count.new)\n"
        }
        let regressions = diff.regressions(tolerance: tolerance)
        out += "\n" + (regressions.isEmpty ? "结论：无退步\n" : "结论：\(regressions.count) 处退步\n")
        for line in regressions { out += "  ✗ \(line)\n" }
        return out
    }

    /// `26 → 6 份` (separately → as one matter), or `—`.
    static func figures(_ row: MatterFigures.Row?) -> String {
        guard let row else { return "—" }
        return "\(AuditFormatting.number(row.before)) → \(AuditFormatting.number(row.after)) \(row.unit)"
    }

    /// Pretty, key-sorted JSON: the diff's fields plus `regressions` (strings) and `schemaVersion`.
    /// `regressions` leaves out rates that fell by at most `tolerance` percentage points.
    public static func json(_ diff: CatalogDiff, tolerance: Double = 0) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(Document(diff: diff, tolerance: tolerance)), as: UTF8.self)
    }

    struct Document: Encodable {
        var schemaVersion = 1
        var diff: CatalogDiff
        var regressions: [String]

        init(diff: CatalogDiff, tolerance: Double) {
            self.diff = diff
            regressions = diff.regressions(tolerance: tolerance)
        }

        func encode(to encoder: any Encoder) throws {
            try diff.encode(to: encoder)
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(schemaVersion, forKey: .schemaVersion)
            try c.encode(regressions, forKey: .regressions)
        }

        enum CodingKeys: String, CodingKey { case schemaVersion, regressions }
    }
}
