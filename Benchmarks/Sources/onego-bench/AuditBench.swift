import ArgumentParser
import Foundation
import OnegoAudit
import OnegoBase
import OnegoCatalog
import OnegoComposer
import OnegoExport

/// `onego-bench audit FILE`: a validated load, then the full audit (every rule, every rate, compression and the
/// policy's targets), each timed separately; `--html-out` also renders the HTML report. `--profile` also times each phase and each item rule on one thread.
struct AuditBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "Time a load and a full audit.")

    @Argument var file: String
    @Option(help: "Policy whose targets are checked.") var policy = "Catalogs/policies/guangdong-style-2026.xml"
    @Option(help: "Material synonym table, as `onego audit` reads it.")
    var synonyms = "Catalogs/reference/material-synonyms.xml"
    @Flag(help: "Also time each audit phase and each item rule (one thread), slowest first.") var profile = false
    @Option(help: "Also render the HTML report (as `onego audit --format html` does) and write it here.")
    var htmlOut: String?

    func run() throws {
        let (policyValue, _) = Policy.load(path: policy)
        let (table, _) = SynonymTable.load(path: synonyms)
        let auditor = Auditor(settings: AuditSettings(synonyms: table))
        let loader = try CatalogLoader.validating()
        let start = DispatchTime.now()
        let load = loader.load(paths: [file])
        let loaded = DispatchTime.now()
        let today = CalendarDay(year: 2026, month: 11, day: 21) ?? CalendarDay.today()
        let report = auditor.audit(load, policy: policyValue, today: today, paths: [file])
        let end = DispatchTime.now()
        print("items: \(load.catalog.items.count)")
        print("load_seconds: \(Clock.seconds(start, loaded))")
        print("audit_seconds: \(Clock.seconds(loaded, end))")
        print("findings: \(report.findings.count)")
        print("rss_bytes: \(Memory.residentBytes())")
        print("peak_rss_bytes: \(Memory.peakResidentBytes())")
        if let htmlOut {
            let renderStart = DispatchTime.now()
            let html = AuditHTMLReport.render(report)
            print("html_seconds: \(Clock.seconds(renderStart, DispatchTime.now()))")
            print("html_bytes: \(html.utf8.count)")
            try Data(html.utf8).write(to: URL(fileURLWithPath: htmlOut))
        }
        if profile { Self.profile(load.catalog, auditor: auditor) }
        withExtendedLifetime((load, report)) {}
    }

    /// Prints `phase_<name>_seconds` for the audit's phases and `rule_<id>_seconds` for the twenty slowest item
    /// rules, each run alone over the whole catalog on one thread.
    static func profile(_ catalog: Catalog, auditor: Auditor) {
        func time(_ name: String, _ body: () -> Void) {
            let start = DispatchTime.now()
            body()
            print("phase_\(name)_seconds: \(Clock.seconds(start, DispatchTime.now()))")
        }
        time("rules") { _ = auditor.findings(in: catalog) }
        time("rates") { _ = CoverageCalculator().rates(of: catalog.items) }
        time("cross_region") { _ = CoverageCalculator().crossRegion(of: catalog.items) }
        time("compression") { _ = CompressionFigures.compute(items: catalog.items) }
        var perRule: [(String, Double)] = []
        for rule in auditor.registry.rules {
            let start = DispatchTime.now()
            let context = RuleContext(settings: auditor.settings)
            switch rule.check {
            case .item(let check):
                var count = 0
                catalog.items.withUnsafeBufferPointer { items in
                    for index in items.indices { count += check(items[index], context).count }
                }
                withExtendedLifetime(count) {}
            case .catalog(let check):
                withExtendedLifetime(check(catalog, context)) {}
            case .external:
                continue
            }
            perRule.append((rule.id.rawValue, Clock.seconds(start, DispatchTime.now())))
        }
        print("rules_total_one_thread_seconds: \(perRule.reduce(0) { $0 + $1.1 })")
        for (id, seconds) in perRule.sorted(by: { $0.1 > $1.1 }).prefix(20) {
            let name = id.replacingOccurrences(of: ".", with: "_").replacingOccurrences(of: "-", with: "_")
            print("rule_\(name)_seconds: \(seconds)")
        }
    }
}

enum Clock {
    static func seconds(_ from: DispatchTime, _ to: DispatchTime) -> Double {
        Double(to.uptimeNanoseconds - from.uptimeNanoseconds) / 1e9
    }
}
