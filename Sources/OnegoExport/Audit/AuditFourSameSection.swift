public import OnegoAudit

/// The 四级四同 section of the HTML audit: per basic code implemented in several regions, each region's name, type,
/// legal basis, number of materials and promised limit, with what differs from the first region marked (`<mark>`,
/// no style of its own). Compact: one table, closed when long; each basic code heads its rows in a full-width
/// header cell (no row spans), so on a phone the rows reflow as cards like the other report tables (``ReportTable``).
public enum AuditFourSameSection {
    /// Groups shown open; longer lists start closed.
    static let openLimit = 10

    /// The columns of one region's implementation; the basic code heads its group of rows.
    static let headers = ["地区", "事项", "类型", "设定依据", "材料", "承诺时限"]

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
            \(ReportTable.reflowing(headers: headers, rows: rows, class: "four-same"))</details>\(AuditHTMLReport.omitted(shown: min(variations.count, max(limit, 1)), of: variations.count, in: .regionalVariation))

            """
    }

    /// A header row with the basic code, its name and what differs, then one row per implementation.
    static func rows(_ variation: RegionalVariation) -> HTML {
        guard let first = variation.implementations.first else { return "" }
        // The first region's implementations (新办, 变更 … share a basic code) are the reference, as in the rule.
        let reference = variation.implementations.filter { $0.region == first.region }
        let names = Set(reference.map(\.name))
        let types = Set(reference.map(\.type))
        let bases = Set(reference.map(\.laws))
        let counts = Set(reference.map(\.materials))
        let limits = Set(reference.map(\.promised))
        var differs = "材料 \(variation.fewestMaterials)–\(variation.mostMaterials) 项"
        if variation.promisedLimits.count > 1 { differs += "，承诺时限 \(variation.promisedLimits.count) 种" }
        if !variation.differingFacts.isEmpty { differs += "，\(variation.differingFacts.joined(separator: "、"))不同" }
        var out: HTML = """
            <tr class="basic-code"><th colspan="\(headers.count)" scope="rowgroup"><code>\(variation.basicCode)</code> \
            \(variation.name) <span class="small">\(differs)</span></th></tr>

            """
        for implementation in variation.implementations {
            let laws = implementation.laws.isEmpty ? "无" : implementation.laws.joined(separator: "、")
            out += """
                <tr><td><code>\(implementation.region)</code></td>\
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
