import Foundation
import OnegoAudit
import OnegoTestSupport
import Testing

@testable import OnegoExport

/// Every number an audit report holds prints, whatever its size (issue 11: a threshold of 1e20 trapped in the text
/// and HTML reports with "Double value cannot be converted to Int").
@Suite struct AuditFormattingTests {
    @Test(arguments: [
        (1e20, 2, "100000000000000000000.00"),
        (-1e20, 0, "-100000000000000000000"),
        (12.345, 1, "12.3"),
        (0.005, 2, "0.01"),
        (-0.004, 2, "0.00"),
        (-2.5, 1, "-2.5"),
        (0x1p53 + 2, 1, "9007199254740994.0"),
        (Double.infinity, 1, "—"),
        (Double.nan, 1, "—"),
    ])
    func fixedPrintsEveryDouble(_ value: Double, _ digits: Int, _ expected: String) {
        #expect(AuditFormatting.fixed(value, digits: digits) == expected)
    }

    @Test func hugeValuesPrintTheirExactDigits() {
        let largest = AuditFormatting.number(.greatestFiniteMagnitude)
        #expect(largest.count == 309)
        #expect(largest.hasPrefix("17976931348623157"))
        #expect(AuditFormatting.number(1e20) == "100000000000000000000")
        #expect(AuditFormatting.percent(1e20) == "10000000000000000000000.0%")
        #expect(AuditFormatting.number(0x1p63) == "9223372036854775808")
    }

    @Test func reportsWithAnyThresholdRenderInEveryFormat() throws {
        var report = try AuditReportRenderingTests.report()
        let extremes: [Double] = [1e20, -1e20, .greatestFiniteMagnitude, .infinity, .nan]
        let first = try #require(report.targets.first)
        report.targets = extremes.flatMap { threshold in
            [PolicyTarget.Measure.rate, .count].map { measure in
                var result = first
                result.target.threshold = threshold
                result.target.measure = measure
                result.met = false
                return result
            }
        }
        #expect(AuditTextReport.render(report).contains("100000000000000000000"))
        #expect(!AuditHTMLReport.render(report).isEmpty)
        for result in report.targets { _ = result.itemsNeeded }
        // JSON has no infinity: the machine formats get every finite value (the loader admits nothing else).
        report.targets.removeAll { !$0.target.threshold.isFinite }
        _ = try AuditSARIFReport.render(report)
        _ = try AuditJSONReport.render(report)
    }
}
