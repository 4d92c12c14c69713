public import OnegoAudit

/// The 四级四同 section of the HTML audit: per basic code implemented in several regions, each region's name, type,
/// legal basis, number of materials and promised limit, with what differs from the first region marked (`<mark>`,
/// no style of its own). Compact: one table, closed when long.
public enum AuditFourSameSection {
    /// Groups shown open; longer lists start closed.
    static let openLimit = 10

    /// The section, or an empty string when no basic code differs between regions; at most `limit` basic codes
    /// are tabled (the full comparison is in `--format json`, `regionalVariation`).
    public static func render(_ report: AuditReport, limit: Int = AuditHTMLReport.defaultRowLimit) -> String {
        section(report, limit: limit).text
    }

    /// ``render(_:limit:)`` as markup.
    static func section(_ report: AuditReport, limit: Int) -> HTML {
        let variations = report.regionalVariation
        guard !variations.isEmpty else { return "" }
        var rows: HTML = ""
        for variation in variations.prefix(max(limit, 1)) { rows += self.rows(variation) }
        let facts = variations.count { !$0.differingFacts.isEmpty }
        return """
            <h2>四级四同（\(variations.count) 个基本编码在各地区的实施不同）</h2>
            <p class="small">同一基本编码在各地区的实施应当名称、事项类型、设定依据相同（\(facts) 个基本编码不同，见规则 consistency.four-same）；\
            材料数和承诺时限的差异供比对。以首个地区的实施为准，不同之处已标出。</p>
            <details\(variations.count <= openLimit ? " open" : "")><summary>各地区实施对照（\(variations.count) 个基本编码）</summary>
            <table class="four-same"><thead><tr><th>基本编码</th><th>地区</th><th>事项</th><th>类型</th><th>设定依据</th>\
            <th class="num">材料</th><th class="num">承诺时限</th></tr></thead>
            <tbody>
            \(rows)</tbody></table></details>\(AuditHTMLReport.omitted(shown: min(variations.count, max(limit, 1)), of: variations.count, in: .regionalVariation))

            """
    }

    /// One row per implementation; the first carries the basic code over all of them.
    static func rows(_ variation: RegionalVariation) -> HTML {
        guard let first = variation.implementations.first else { return "" }
        // The first region's implementations (新办, 变更 … share a basic code) are the reference, as in the rule.
        let reference = variation.implementations.filter { $0.region == first.region }
        let names = Set(reference.map(\.name))
        let types = Set(reference.map(\.type))
        let bases = Set(reference.map(\.laws))
        let counts = Set(reference.map(\.materials))
        let limits = Set(reference.map(\.promised))
        let span = variation.implementations.count
        var differs = "材料 \(variation.fewestMaterials)–\(variation.mostMaterials) 项"
        if variation.promisedLimits.count > 1 { differs += "，承诺时限 \(variation.promisedLimits.count) 种" }
        if !variation.differingFacts.isEmpty { differs += "，\(variation.differingFacts.joined(separator: "、"))不同" }
        var out: HTML = ""
        for (index, implementation) in variation.implementations.enumerated() {
            let laws = implementation.laws.isEmpty ? "无" : implementation.laws.joined(separator: "、")
            let lead: HTML =
                index == 0
                ? "<td rowspan=\"\(span)\"><code>\(variation.basicCode)</code><br>\(variation.name)<br><span class=\"small\">\(differs)</span></td>"
                : ""
            out += """
                <tr>\(lead)<td><code>\(implementation.region)</code></td>\
                <td>\(mark(implementation.name, !names.contains(implementation.name)))<br><code>\(implementation.item)</code></td>\
                <td>\(mark(implementation.type, !types.contains(implementation.type)))</td>\
                <td>\(mark(laws, !bases.contains(implementation.laws)))</td>\
                <td class="num">\(mark(String(implementation.materials), !counts.contains(implementation.materials)))</td>\
                <td class="num">\(mark(implementation.promised, !limits.contains(implementation.promised)))</td></tr>

                """
        }
        return out
    }

    private static func mark(_ text: String, _ differs: Bool) -> HTML {
        differs ? "<mark>\(text)</mark>" : "\(text)"
    }
}
