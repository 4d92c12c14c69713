import Foundation
import OnegoBase
import OnegoCatalog
import OnegoComposer
import OnegoTestSupport
import OnegoXML
import Testing

/// `MatterWriter`: what it writes validates against `matter.xsd` and loads back to the same matter.
@Suite struct MatterWriterTests {
    static let nowhere = SourceLocation(file: "", line: 0, column: 0)

    /// The matter with every source location cleared (the loader records them, a matter made in code has none).
    func withoutLocations(_ matter: Matter) -> Matter {
        var copy = matter
        copy.location = Self.nowhere
        copy.promisedLimitLocation = Self.nowhere
        copy.members = copy.members.map {
            var m = $0; m.location = Self.nowhere; return m
        }
        copy.stages = copy.stages.map {
            var s = $0; s.location = Self.nowhere; return s
        }
        copy.questions = copy.questions.map { question in
            var q = question
            q.location = Self.nowhere
            q.shownWhen = q.shownWhen.map {
                var c = $0; c.location = Self.nowhere; return c
            }
            q.answers = q.answers.map { answer in
                var a = answer
                a.location = Self.nowhere
                a.effects = a.effects.map(withoutLocation)
                return a
            }
            q.thresholds = q.thresholds.map { threshold in
                var t = threshold
                t.location = Self.nowhere
                t.effects = t.effects.map(withoutLocation)
                return t
            }
            return q
        }
        copy.formFields = copy.formFields.map { field in
            var f = field
            f.location = Self.nowhere
            f.mappings = f.mappings.map {
                var m = $0; m.location = Self.nowhere; return m
            }
            return f
        }
        copy.jointForm = copy.jointForm.map { form in
            var j = form
            j.location = Self.nowhere
            j.replaces = j.replaces.map {
                var r = $0; r.location = Self.nowhere; return r
            }
            return j
        }
        copy.promises = copy.promises.map {
            var p = $0; p.location = Self.nowhere; return p
        }
        return copy
    }

    func withoutLocation(_ effect: AnswerEffect) -> AnswerEffect {
        switch effect {
        case .includeMember(let id, _): .includeMember(id, at: Self.nowhere)
        case .excludeMember(let id, _): .excludeMember(id, at: Self.nowhere)
        case .excludeMaterial(let id, let name, _): .excludeMaterial(member: id, name: name, at: Self.nowhere)
        case .addMaterial(let id, let material, _):
            .addMaterial(member: id, material: withoutLocation(material), at: Self.nowhere)
        }
    }

    func withoutLocation(_ material: Material) -> Material {
        var copy = material
        copy.location = Self.nowhere
        return copy
    }

    func loader() throws -> MatterLoader {
        try MatterLoader.validating(schemaPath: Fixtures.schemas + "/matter.xsd")
    }

    func roundTrip(_ matter: Matter) throws -> Matter {
        let xml = MatterWriter(version: "2026.1").document(matter)
        let (reloaded, diagnostics) = try loader().load(bytes: Array(xml.utf8), name: "written.xml")
        try #require(diagnostics.isEmpty, "\(diagnostics)\n\(xml)")
        return try #require(reloaded)
    }

    @Test func everyShippedMatterSurvivesWriteAndLoad() throws {
        let (matters, diagnostics) = try loader().load(paths: [Fixtures.sampleMatters])
        try #require(diagnostics.isEmpty)
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.sampleMatters)
        #expect(matters.count == files.count { $0.hasSuffix(".xml") })
        #expect(matters.count >= 6)
        for matter in matters {
            #expect(withoutLocations(try roundTrip(matter)) == withoutLocations(matter), "\(matter.code)")
        }
    }

    @Test func numberQuestionsAndJointFormSurvive() throws {
        let (matters, _) = try loader().load(paths: [Fixtures.sampleMatters])
        let restaurant = try #require(matters.first { $0.code == "YX-KBCYD" })
        try #require(restaurant.questions.contains { !$0.thresholds.isEmpty })
        let back = try roundTrip(restaurant)
        #expect(back.questions.flatMap(\.thresholds).count == restaurant.questions.flatMap(\.thresholds).count)
        #expect(back.jointForm?.name == restaurant.jointForm?.name)
    }

    @Test func textThatNeedsEscapingSurvives() throws {
        var matter = Matter(
            code: "YX-TEST", name: "开办 <餐饮> & \"小吃\"店", audience: .legalPerson, leadDepartment: "云溪区市场监督管理局",
            promisedLimit: TimeLimit(3.5, .workingDays, note: "含 & 符号"),
            members: [
                MatterMember(id: "licence", code: "11440188MB2C90231K4010100100100001"),
                MatterMember(id: "food", code: "11440188MB2C90231K4010300100100001", selection: .situational),
            ])
        // The loader lists the audiences it read; a matter made in code may leave the list empty.
        matter.audiences = [.legalPerson]
        matter.questions = [
            Question(
                id: "hot", kind: .yesNo, text: "是否经营热食类食品？", hint: "含凉菜 <冷荤>",
                answers: [
                    AnswerOption(value: "是", effects: [.includeMember("food", at: Self.nowhere)]),
                    AnswerOption(value: "否"),
                ])
        ]
        let xml = MatterWriter().document(matter)
        #expect(xml.contains("开办 &lt;餐饮&gt; &amp; &quot;小吃&quot;店"))
        #expect(withoutLocations(try roundTrip(matter)) == withoutLocations(matter))
    }
}
