import ArgumentParser
import Foundation
import OnegoBase
import OnegoCatalog
import OnegoComposer
import OnegoExport

/// `onego-bench compose-requests --requests FILE`: what one uncached composition request of the workbench costs in
/// process, per answer set and per matter. Each line of FILE is `CODE?answer=Q=V&answer=…&accepted=YYYY-MM-DD`
/// (unencoded, as `Benchmarks/serve-load --print-compositions` prints its 1,600 answer sets). Each request is
/// answered as `GET /api/matters/CODE/composition` answers it: answers to questions not shown are dropped, the
/// matter is composed and its JSON written. Prints, per matter and for all, the count and the mean, median, p99 and
/// largest time in µs (the best of `--rounds` rounds per request), and the JSON bytes.
struct ComposeRequestsBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compose-requests", abstract: "Time the workbench's composition requests in process.")

    @Option(help: "The requests, one a line.") var requests: String
    @Option(help: "Rounds; each request's time is its best round.") var rounds = 5
    @Option(help: "The catalog the matters refer to.") var catalog = "Catalogs/yunxi/items"
    @Option(help: "The matters to compose.") var matters = "Catalogs/yunxi/matters"

    func run() throws {
        let sample = try SampleComposer(catalog: catalog, matters: matters)
        let (found, composer) = (sample.matters, sample.composer)
        let cases = try String(contentsOfFile: requests, encoding: .utf8).split(separator: "\n").map {
            try Self.request(String($0), matters: found, composer: composer)
        }
        var best = Array(repeating: Double.infinity, count: cases.count)
        var bytes = 0
        for _ in 0..<max(1, rounds) {
            bytes = 0
            for (index, request) in cases.enumerated() {
                let start = DispatchTime.now()
                let composition = try composer.compose(
                    matter: request.matter, answers: request.answers, accepted: request.accepted)
                bytes += try CompositionJSON.text(composition).utf8.count
                best[index] = min(best[index], Clock.seconds(start, DispatchTime.now()) * 1e6)
            }
        }
        for matter in found {
            let times = cases.indices.filter { cases[$0].matter.code == matter.code }.map { best[$0] }
            Self.printFigures(times, name: matter.code)
        }
        Self.printFigures(best, name: "all")
        print("json_bytes: \(bytes)")
    }

    struct Request {
        var matter: Matter
        var answers: AnswerSet
        var accepted: CalendarDay?
    }

    /// One line parsed, keeping only the answers to shown questions (as the workbench does).
    static func request(_ line: String, matters: [Matter], composer: Composer) throws -> Request {
        let parts = line.split(separator: "?", maxSplits: 1).map(String.init)
        guard let matter = matters.first(where: { $0.code == parts[0] }) else {
            throw ValidationError("unknown matter in \(line)")
        }
        var pairs: [(id: String, values: [String], isMultiple: Bool)] = []
        var accepted: CalendarDay?
        for pair in (parts.count > 1 ? parts[1] : "").split(separator: "&") {
            if pair.hasPrefix("accepted=") { accepted = CalendarDay(iso: String(pair.dropFirst(9))) }
            guard pair.hasPrefix("answer="), let equals = pair.dropFirst(7).firstIndex(of: "=") else { continue }
            let id = String(pair[pair.index(pair.startIndex, offsetBy: 7)..<equals])
            let values = pair[pair.index(after: equals)...].split(separator: ",").map(String.init)
            pairs.append((id, values, matter.question(id: id)?.kind == .multiple))
        }
        var given = AnswerSet()
        for pair in pairs { given.set(pair.values, for: pair.id, isMultiple: pair.isMultiple) }
        let shown = composer.shownQuestions(for: matter, answers: given)
        var kept = AnswerSet()
        for pair in pairs where shown.contains(pair.id) {
            kept.set(pair.values, for: pair.id, isMultiple: pair.isMultiple)
        }
        return Request(matter: matter, answers: kept, accepted: accepted)
    }

    /// One line: `NAME: count N, mean … us, p50 … us, p99 … us, max … us`.
    static func printFigures(_ times: [Double], name: String) {
        guard !times.isEmpty else { return }
        let sorted = times.sorted()
        func at(_ fraction: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))] }
        let mean = times.reduce(0, +) / Double(times.count)
        print(
            String(
                format: "%@: count %d, mean %.1f us, p50 %.1f us, p99 %.1f us, max %.1f us", name, times.count, mean,
                at(0.5), at(0.99), sorted[sorted.count - 1]))
    }
}
