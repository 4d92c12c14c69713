import OnegoBase
import Testing

@testable import OnegoAudit

/// `sortedForReport` ranks files and rules once and sorts positions: its order must be the comparator sort's.
@Suite struct FindingOrderTests {
    /// The former sort (the oracle): a stable sort by severity, then location (none at file `""`, line and column
    /// 0), then rule.
    static func oracle(_ findings: [Finding]) -> [Finding] {
        findings.sorted { a, b in
            if a.severity != b.severity { return a.severity < b.severity }
            let l = a.location ?? SourceLocation(file: "", line: 0, column: 0)
            let r = b.location ?? SourceLocation(file: "", line: 0, column: 0)
            if l != r { return l < r }
            return a.rule < b.rule
        }
    }

    /// Findings over every severity, files that sort differently by bytes and by length (and none), repeated
    /// lines and columns, several rules, and exact repeats told apart only by their messages (their order kept).
    @Test func theOrderIsTheComparatorSorts() {
        let files: [String?] = [nil, "b.xml", "a.xml", "a/b.xml", "文件.xml", "a.xml2", ""]
        let rules: [RuleID] = ["visits.zero", "codes.duplicate", "xml.syntax", "codes.duplicate2"]
        var findings: [Finding] = []
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for number in 0..<2_000 {
            let file = files[next(files.count)]
            let location = file.map { SourceLocation(file: $0, line: next(4), column: next(3)) }
            findings.append(
                Finding(
                    rule: rules[next(rules.count)], severity: Severity.allCases[next(Severity.allCases.count)],
                    message: "第 \(number) 条", location: location))
        }
        let sorted = findings.sortedForReport()
        #expect(sorted.map(\.message) == Self.oracle(findings).map(\.message))
        #expect(Set(sorted.map(\.message)).count == findings.count)
        #expect([Finding]().sortedForReport().isEmpty)
    }
}
