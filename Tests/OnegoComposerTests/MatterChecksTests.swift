import OnegoBase
import OnegoComposer
import OnegoTestSupport
import Testing

/// One small fixture per fault, each asserting the rule and the exact line and column.
@Suite struct MatterChecksTests {
    func found(_ name: String) throws -> [String] {
        try ComposerFixtures.diagnostics(name).sortedByLocation().map { diagnostic in
            let place = diagnostic.location.map { "\($0.line):\($0.column)" } ?? "-"
            return "\(place) \(diagnostic.rule)"
        }
    }

    @Test func cleanMatterHasNoFindings() throws {
        #expect(try found("qykb.xml") == [])
    }

    @Test func unknownMemberCode() throws {
        #expect(try found("unknown-code.xml") == ["8:5 matter.member.unknown-code"])
    }

    @Test func cycleIsSpelledOut() throws {
        let diagnostics = try ComposerFixtures.diagnostics("cycle.xml")
        #expect(try found("cycle.xml") == ["9:5 matter.cycle"])
        #expect(
            diagnostics.first?.message
                == "成员事项的先后顺序形成循环：staff（员工参保登记） → licence（企业设立登记） → staff（员工参保登记）")
    }

    @Test func promiseShorterThanCriticalPath() throws {
        let diagnostics = try ComposerFixtures.diagnostics("promise-short.xml")
        #expect(try found("promise-short.xml") == ["5:3 matter.promise.short"])
        #expect(diagnostics.first?.message == "一件事承诺时限 1个工作日 短于关键路径 1.50 个工作日（情形 staff=是）")
    }

    @Test func unreachableQuestionAndNeverSelectedMember() throws {
        #expect(
            try found("unreachable.xml") == [
                "8:5 matter.member.never-selected", "17:5 matter.question.unreachable", "19:7 matter.reference.answer",
            ])
    }

    @Test func brokenReferences() throws {
        #expect(
            try found("bad-references.xml") == [
                "8:5 matter.duplicate-id", "8:5 matter.member.never-selected", "11:5 matter.reference.member",
                "14:5 matter.question.unreachable", "16:7 matter.reference.question",
                "17:29 matter.reference.member", "18:7 matter.answer.unreachable", "23:7 matter.answer.unreachable",
            ])
    }
}

/// Number and date questions and audiences: each fault at its line and column.
@Suite struct ThresholdChecksTests {
    func found(_ name: String) throws -> [String] {
        try ComposerFixtures.diagnostics(name).sortedByLocation().map { diagnostic in
            let place = diagnostic.location.map { "\($0.line):\($0.column)" } ?? "-"
            return "\(place) \(diagnostic.rule)"
        }
    }

    @Test func wrongUnitOverlapContradictionAndAudience() throws {
        let diagnostics = try ComposerFixtures.diagnostics("thresholds.xml").sortedByLocation()
        #expect(
            try found("thresholds.xml") == [
                "2:1 matter.audience", "14:7 matter.audience", "18:7 matter.threshold.unit",
                "20:7 matter.threshold.overlap",
                "21:7 matter.threshold.contradiction", "22:7 matter.threshold.contradiction",
                "23:44 matter.reference.member", "25:5 matter.value",
            ])
        #expect(
            diagnostics.map(\.message).contains("情形问题 area 以“平方米”计，阈值 ≥ 50 亩 的单位不一致"))
        #expect(
            diagnostics.map(\.message).contains(
                "情形问题 area 的阈值 ≥ 300 且 < 500 平方米 与 ≥ 400 平方米 对同时满足两者的回答规则矛盾：成员事项 food 既被选中又被排除"))
    }

    @Test func malformedBoundIsReportedAtItsPosition() throws {
        let found = try found("malformed-bound.xml")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("12:") == true, "\(found)")
        // Without the schema (a trusted load) the reader reports it.
        let (_, trusted) = MatterLoader(schema: nil).load(paths: [Fixtures.fixture("matters/malformed-bound.xml")])
        #expect(trusted.map(\.rule) == ["matter.value"])
        #expect(trusted.first?.message == "阈值 atLeast=\"5O0\" 不是有效的数（应为不小于 0 的十进制数，如 50 或 49.5）")
        #expect(trusted.first?.location?.line == 12)
    }
}
