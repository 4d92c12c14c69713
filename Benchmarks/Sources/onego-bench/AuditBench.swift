import ArgumentParser
import Foundation
import OnegoAudit
import OnegoCatalog

/// `onego-bench audit FILE`: a validated load, then the full audit (every rule, every rate, compression and the
/// policy's targets), each timed separately.
struct AuditBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "Time a load and a full audit.")

    @Argument var file: String
    @Option(help: "Policy whose targets are checked.") var policy = "Catalogs/policies/guangdong-style-2026.xml"

    func run() throws {
        let (policyValue, _) = Policy.load(path: policy)
        let loader = try CatalogLoader.validating()
        let start = DispatchTime.now()
        let load = loader.load(paths: [file])
        let loaded = DispatchTime.now()
        let today = CalendarDay(year: 2026, month: 11, day: 21) ?? CalendarDay.today()
        let report = Auditor().audit(load, policy: policyValue, today: today, paths: [file])
        let end = DispatchTime.now()
        print("items: \(load.catalog.items.count)")
        print("load_seconds: \(Clock.seconds(start, loaded))")
        print("audit_seconds: \(Clock.seconds(loaded, end))")
        print("findings: \(report.findings.count)")
        print("rss_bytes: \(Memory.residentBytes())")
        print("peak_rss_bytes: \(Memory.peakResidentBytes())")
        withExtendedLifetime((load, report)) {}
    }
}

enum Clock {
    static func seconds(_ from: DispatchTime, _ to: DispatchTime) -> Double {
        Double(to.uptimeNanoseconds - from.uptimeNanoseconds) / 1e9
    }
}
