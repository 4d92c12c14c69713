import Foundation
import OnegoBase
import OnegoCatalog
import OnegoComposer
import OnegoExport
import OnegoTestSupport
import Testing

/// `CompositionJSON` writes the bytes `JSONEncoder` wrote from the composition's former `Encodable` conformances
/// (kept here as the oracle, `CompositionEncoderOracle.swift`).
@Suite struct CompositionJSONTests {
    let matters: [Matter]
    let composer: Composer

    init() throws {
        let loader = try CatalogLoader.validating(schemaPath: Fixtures.path("Schemas/catalog.xsd"))
        let loaded = loader.load(paths: [Fixtures.sampleItems])
        #expect(!loaded.diagnostics.containsErrors)
        let (matters, diagnostics) = MatterLoader.load(paths: [Fixtures.sampleMatters])
        #expect(!diagnostics.containsErrors)
        self.matters = matters
        let (synonyms, _) = SynonymTable.load(path: Fixtures.path("Catalogs/reference/material-synonyms.xml"))
        composer = Composer(catalog: loaded.catalog, synonyms: synonyms, calendar: try TestCatalog.calendar())
    }

    /// The encoder's text, as the command line and the API printed it.
    static func oracle(_ composition: Composition, versioned: Bool = false) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data =
            versioned
            ? try encoder.encode(OracleVersioned(value: composition)) : try encoder.encode(composition)
        return String(decoding: data, as: UTF8.self)
    }

    /// Checks both forms (plain for the API and `--enumerate`, versioned for `compose --format json`).
    static func expectSameText(_ composition: Composition, _ label: String) throws {
        let written = try CompositionJSON.text(composition)
        let expected = try oracle(composition)
        #expect(written == expected, "\(label)\n\(firstDifference(written, expected))")
        #expect(
            try CompositionJSON.text(composition, schemaVersion: 1) == oracle(composition, versioned: true), "\(label)")
    }

    /// The text around the first differing byte, for a readable failure.
    static func firstDifference(_ a: String, _ b: String) -> String {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        let at = zip(x, y).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(x.count, y.count)
        let from = max(0, at - 80)
        return "written: …\(String(decoding: x[from..<min(x.count, at + 40)], as: UTF8.self))\n"
            + "encoder: …\(String(decoding: y[from..<min(y.count, at + 40)], as: UTF8.self))"
    }

    @Test func equalsTheEncoderForEveryAnswerSetOfEveryShippedMatter() throws {
        #expect(matters.count >= 6)
        var compared = 0
        for matter in matters {
            for answers in composer.enumerateAnswerSets(for: matter) {
                let composition = try composer.compose(matter: matter, answers: answers)
                try Self.expectSameText(composition, "\(matter.code) \(answers)")
                compared += 1
            }
        }
        #expect(compared >= 100)
    }

    /// Seeded random answer sets with acceptance dates and times across 2026, numbers with fractions, shuffled
    /// answer order: due dates, due moments (hour plans), hour figures and every optional field come out.
    @Test func equalsTheEncoderForGeneratedAnswersAndAcceptanceMoments() throws {
        var random = SplitMix64(seed: 0x0C0F_FEE5)
        var compared = 0
        var withMoments = 0
        var withHours = 0
        for _ in 0..<600 {
            let matter = try #require(matters.randomElement(using: &random))
            let sets = composer.enumerateAnswerSets(for: matter)
            guard var answers = sets.randomElement(using: &random) else { continue }
            answers = Self.varied(answers, matter: matter, random: &random)
            let day = try #require(
                CalendarDay(
                    iso: String(
                        format: "2026-%02d-%02d", Int.random(in: 1...12, using: &random),
                        Int.random(in: 1...28, using: &random))))
            let moment = CalendarMoment(day: day, minute: Int.random(in: 0..<1_440, using: &random))
            let choice = Int.random(in: 0..<3, using: &random)
            let result = Result { () throws(CompositionError) in
                try composer.compose(
                    matter: matter, answers: answers, accepted: choice == 0 ? nil : day,
                    acceptedAt: choice == 2 ? moment : nil)
            }
            guard case .success(let composition) = result else { continue }
            try Self.expectSameText(composition, "\(matter.code) \(answers) \(choice) \(day)")
            compared += 1
            if composition.due?.overallAt != nil { withMoments += 1 }
            if composition.workingDays.isHourPlan { withHours += 1 }
        }
        #expect(compared >= 400)
        #expect(withMoments >= 10)
        #expect(withHours >= 30)
    }

    /// The same answers in a shuffled order, number answers replaced by random values (whole or with up to six
    /// fractional digits) on the same side of every threshold when the composition still accepts them.
    static func varied(_ answers: AnswerSet, matter: Matter, random: inout SplitMix64) -> AnswerSet {
        var pairs = answers.questionIDs.map { ($0, answers[$0]) }
        pairs.shuffle(using: &random)
        var varied = AnswerSet()
        for (question, values) in pairs {
            let kind = matter.questions.first { $0.id == question }?.kind
            var chosen = values
            if kind == .number, Bool.random(using: &random) {
                let whole = Int.random(in: 0...5_000, using: &random)
                let digits = Int.random(in: 0...6, using: &random)
                let fraction = (0..<digits).map { _ in String(Int.random(in: 0...9, using: &random)) }.joined()
                chosen = [digits == 0 ? String(whole) : "\(whole).\(fraction)"]
            }
            varied.set(
                chosen, for: question, isMultiple: answers.multipleChoice.contains(question), isNumber: kind == .number)
        }
        return varied
    }

    /// Every control character, quotes, backslashes, slashes, non-ASCII and line separators in every kind of text;
    /// run-time keys that sort by bytes (`Z` before `a`, `a10` before `a9`, Hanzi last); empty lists; optional fields
    /// present and absent; a null audience.
    @Test func escapesEveryTextAndSortsRunTimeKeysAsTheEncoderDoes() throws {
        let matter = try #require(matters.first { $0.code == "YX-QYKB" })
        let answers = try #require(composer.enumerateAnswerSets(for: matter).first)
        var composition = try composer.compose(
            matter: matter, answers: answers, accepted: try TestCatalog.day("2026-03-02"))
        let controls = String(decoding: (0..<0x20).map { UInt8($0) } + [0x7F], as: UTF8.self)
        let nasty = "\"引号\" \\反斜杠\\ /斜杠/ </script> \u{2028}\u{2029} é 😀 " + controls
        composition.matterName = nasty
        composition.matterCode = "YX/\"Q\"\\"
        var odd = AnswerSet()
        odd.set(["是"], for: "a9")
        odd.set(["否", nasty], for: "a10")
        odd.set(["x"], for: "Z", isMultiple: true)
        odd.set(["12.5"], for: "面积", isNumber: true)
        odd.set(["0.000001"], for: "_small", isNumber: true)
        odd.set(["not a number"], for: "bad", isNumber: true)
        odd.set([], for: "empty", isMultiple: true)
        odd.set([nasty], for: "q\"\\\n")
        composition.answers = odd
        composition.audience = nil
        composition.servedAudiences = []
        composition.criticalPath = []
        composition.promisedLimit = TimeLimit(0.5, .workingDays)
        for index in composition.materials.indices {
            composition.materials[index].name += nasty
            composition.materials[index].holder = index % 2 == 0 ? nil : "母亲\t"
            composition.materials[index].eLicence = index % 3 == 0 ? nil : "电子\u{0}证照"
            composition.materials[index].aliases = index % 2 == 0 ? [] : ["甲", nasty]
            composition.materials[index].isJointForm = index == 1
            composition.materials[index].keptApartFrom = index == 2 ? [nasty] : []
        }
        composition.members[0].specialProcedures = [
            SpecialProcedure(kind: .appraisal, limit: TimeLimit(20, .naturalDays), note: nasty),
            SpecialProcedure(kind: .inspection),
        ]
        composition.members[0].name = nasty
        composition.stages[0].members = []
        try Self.expectSameText(composition, "escaped")
        let written = try CompositionJSON.text(composition)
        #expect(written.contains(#""matter" : {\#n    "code" : "YX/\"Q\"\\","#))
        #expect(written.contains(#"\u0000\u0001"#) && written.contains(#"\b\t\n\u000b\f\r"#))
        #expect(written.contains(#""Z" : [\#n      "x"\#n    ],\#n    "_small" : 0.000001,\#n    "a10""#))
        #expect(written.contains(#""criticalPath" : [\#n\#n  ],"#))
    }

    @Test func refusesANumberThatIsNotFiniteAsTheEncoderDid() throws {
        let matter = try #require(matters.first { $0.code == "YX-QYKB" })
        let answers = try #require(composer.enumerateAnswerSets(for: matter).first)
        var composition = try composer.compose(matter: matter, answers: answers)
        composition.reductions.copies = BeforeAfter(before: .infinity, after: 1)
        #expect(throws: EncodingError.self) { try CompositionJSON.text(composition) }
        #expect(throws: EncodingError.self) { try Self.oracle(composition) }
    }
}

/// The command line's former `schemaVersion` wrapper, for the oracle.
private struct OracleVersioned: Encodable {
    var value: Composition

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(1, forKey: Key(stringValue: "schemaVersion"))
    }
}
