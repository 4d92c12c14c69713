import ArgumentParser
import Foundation
import OnegoBase
import OnegoCatalog
import OnegoComposer

/// `onego-bench compose --iterations N`: composes every shipped matter with each of its valid answer sets (due
/// dates included) round-robin, N compositions in all, after one warm-up pass.
struct ComposeBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compose", abstract: "Time composing the shipped matters.")

    @Option(help: "Number of compositions.") var iterations = 20_000
    @Option(help: "The catalog the matters refer to.") var catalog = "Catalogs/yunxi/items"
    @Option(help: "The matters to compose.") var matters = "Catalogs/yunxi/matters"

    func run() throws {
        let sample = try SampleComposer(catalog: catalog, matters: matters)
        let (found, composer) = (sample.matters, sample.composer)
        let accepted = CalendarDay(iso: "2026-03-02")
        var cases: [(Matter, AnswerSet)] = []
        for matter in found {
            for answers in composer.enumerateAnswerSets(for: matter) { cases.append((matter, answers)) }
        }
        guard !cases.isEmpty else { throw ValidationError("no answer sets") }
        // Warm-up: every case once (prepares each matter).
        var checksum = 0
        for (matter, answers) in cases {
            checksum &+= try composer.compose(matter: matter, answers: answers, accepted: accepted).members.count
        }
        let start = DispatchTime.now()
        for index in 0..<iterations {
            let (matter, answers) = cases[index % cases.count]
            checksum &+= try composer.compose(matter: matter, answers: answers, accepted: accepted).members.count
        }
        let seconds = Clock.seconds(start, DispatchTime.now())
        print("matters: \(found.count)")
        print("answer_sets: \(cases.count)")
        print("iterations: \(iterations)")
        print("ms_per_composition: \(seconds * 1000 / Double(max(iterations, 1)))")
        print("compositions_per_s: \(Double(iterations) / seconds)")
        if checksum == 42 { print("") }
    }
}
