import OnegoBase
import OnegoImport
import Testing

@Suite struct ImportTallyTests {
    private func finding(
        _ source: String, sheet: String? = nil, row: Int?, field: String?, _ severity: Severity, _ rule: String
    ) -> ImportDiagnostic {
        ImportDiagnostic(
            source: source, sheet: sheet, row: row, field: field, severity: severity, rule: RuleID(rule), message: "…")
    }

    /// Findings are counted by severity, rule and field, errors first and the most frequent first within a
    /// severity; each kind lists its rows by source as ranges.
    @Test func findingsAreCountedByKindWithTheirRows() {
        var diagnostics: [ImportDiagnostic] = []
        for row in [2, 3, 4, 5, 9] {
            diagnostics.append(
                finding(
                    "事项.xlsx", sheet: "事项", row: row, field: "promisedLimit", .warning, "import.value.not-published"))
        }
        diagnostics.append(finding("事项.xlsx", sheet: "事项", row: 7, field: "visits", .error, "import.row.rejected"))
        diagnostics.append(finding("事项.xlsx", sheet: "事项", row: 7, field: nil, .error, "import.row.rejected"))
        for row in 1...3 {
            diagnostics.append(finding("gd.json", row: row, field: "body.nature", .warning, "import.value.defaulted"))
        }
        diagnostics.append(finding("gd.json", row: nil, field: nil, .note, "import.source.records"))
        diagnostics.append(
            finding("事项.xlsx", sheet: "事项", row: 11, field: "body.nature", .warning, "import.value.defaulted"))
        let tallies = ImportTally.tally(diagnostics)
        #expect(
            tallies.map(\.rule.rawValue) == [
                "import.row.rejected", "import.row.rejected", "import.value.not-published", "import.value.defaulted",
                "import.source.records",
            ])
        #expect(tallies.map(\.count) == [1, 1, 5, 4, 1])
        #expect(tallies[2].rowRanges() == "事项.xlsx[事项] 第 2–5、9 行")
        #expect(tallies[3].rowRanges() == "gd.json 第 1–3 行；事项.xlsx[事项] 第 11 行")
        #expect(tallies[4].places.map(\.rows) == [[]])
        #expect(tallies[4].line == "提示 1 处 [import.source.records]：gd.json")
        #expect(tallies[2].line == "警告 5 处 [import.value.not-published] promisedLimit：事项.xlsx[事项] 第 2–5、9 行")
        #expect(tallies.reduce(0) { $0 + $1.count } == diagnostics.count)
    }

    @Test func longRowListsAreCutAfterTheLimit() {
        let diagnostics = stride(from: 1, through: 40, by: 2).map {
            finding("a.csv", row: $0, field: "visits", .note, "import.value.transformed")
        }
        let tally = ImportTally.tally(diagnostics)[0]
        #expect(tally.count == 20)
        #expect(tally.rowRanges(limit: 3) == "a.csv 第 1、3、5 行等")
    }
}
