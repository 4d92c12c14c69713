import Foundation
import OnegoTestSupport
import Testing

/// `compose --enumerate` counts exactly, refuses beyond its cap saying how many there are, and streams.
@Suite struct ComposeEnumerateTests {
    static let catalog = "Tests/Fixtures/matters/items.xml"
    /// The fixture items (企业设立登记, 公章刻制备案, 发票申领, 员工参保登记, 银行开户预约, 食品经营许可); document flow
    /// between them has no cycle, so any number of members over them composes.
    static let codes = [
        "11440188MB2C9023XA4000101001001001", "1144018800748257514000101001002001",
        "11440188MB2C9031XX4000101001003001", "11440188007482591N4000101001004001",
        "91440188MA5D00001A4000101001005001", "11440188MB2C9023XA4000101001006001",
    ]

    /// A matter of `memberCount` members (the first 100 always, the rest included by answers) and
    /// `questions` multiple-choice questions of `options` answers each.
    static func largeMatter(memberCount: Int, questions: Int, options: Int) throws -> String {
        var members: [String] = []
        for index in 0..<memberCount {
            let selection = index < 100 ? "always" : "situational"
            members.append(
                "    <member id=\"m\(index)\" code=\"\(codes[index % codes.count])\" selection=\"\(selection)\"/>")
        }
        var next = 100
        var asked: [String] = []
        for question in 0..<questions {
            asked.append(
                "    <question id=\"scope\(question)\" kind=\"multiple\">\n      <text>经营范围（第 \(question + 1) 类）？</text>"
            )
            for option in 0..<options {
                var effects = ""
                if next < memberCount {
                    effects = "<includeMember member=\"m\(next)\"/>"
                    next += 1
                }
                asked.append("      <answer value=\"项目\(option + 1)\">\(effects)</answer>")
            }
            asked.append("    </question>")
        }
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <matter xmlns="urn:onego:matter:1" schemaVersion="1.0" code="T-LARGE" audience="法人">
              <name>大型企业开办</name>
              <leadDepartment>云溪区市场监督管理局</leadDepartment>
              <promisedLimit value="3650" unit="工作日"/>
              <members>
            \(members.joined(separator: "\n"))
              </members>
              <questions>
            \(asked.joined(separator: "\n"))
              </questions>
            </matter>
            """
        return try Fixtures.write(text, to: "large.xml", in: try Fixtures.temporaryDirectory())
    }

    /// 40 yes/no questions, each including one member.
    static func fortyQuestions() throws -> String {
        var members = ["    <member id=\"licence\" code=\"\(codes[0])\" selection=\"always\"/>"]
        var asked: [String] = []
        for index in 1...40 {
            members.append("    <member id=\"m\(index)\" code=\"\(codes[1 + index % 5])\" selection=\"situational\"/>")
            asked.append(
                """
                    <question id="q\(index)" kind="yesNo">
                      <text>是否办理第 \(index) 项？</text>
                      <answer value="是"><includeMember member="m\(index)"/></answer>
                      <answer value="否"/>
                    </question>
                """)
        }
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <matter xmlns="urn:onego:matter:1" schemaVersion="1.0" code="T-FORTY" audience="法人">
              <name>企业开办（40 问）</name>
              <leadDepartment>云溪区市场监督管理局</leadDepartment>
              <promisedLimit value="20" unit="工作日"/>
              <members>
            \(members.joined(separator: "\n"))
              </members>
              <questions>
            \(asked.joined(separator: "\n"))
              </questions>
            </matter>
            """
        return try Fixtures.write(text, to: "forty.xml", in: try Fixtures.temporaryDirectory())
    }

    @Test func refusesBeyondTheCapSayingHowManyThereAre() throws {
        let forty = try Self.fortyQuestions()
        let run = try Fixtures.runOnego(["compose", forty, "--catalog", Self.catalog, "--enumerate"])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("共 1099511627776 种情形组合，超过 --enumerate 的上限 10000 种，已拒绝列举"))
        let large = try Self.largeMatter(memberCount: 162, questions: 4, options: 5)
        let json = try Fixtures.runOnego([
            "compose", large, "--catalog", Self.catalog, "--enumerate", "--format", "json",
        ])
        #expect(json.status == 1)
        #expect(json.stderr.contains("共 923521 种情形组合"), "\(json.stderr)")
    }

    @Test func givenAnswersNarrowTheEnumeration() throws {
        let forty = try Self.fortyQuestions()
        let fixed = (1...30).flatMap { ["--answer", "q\($0)=否"] }
        let run = try Fixtures.runOnego(["compose", forty, "--catalog", Self.catalog, "--enumerate"] + fixed)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("共 1024 种情形组合"))
        let restaurant = try Fixtures.runOnego([
            "compose", "YX-KBCYD", "--catalog", "Catalogs/yunxi", "--enumerate", "--format", "json",
            "--answer", "licence=company", "--answer", "area=320",
        ])
        #expect(restaurant.status == 0, "\(restaurant.stderr)")
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(restaurant.stdout.utf8)) as? [String: Any])
        #expect(document["schemaVersion"] as? Int == 1)
        #expect(document["count"] as? Int == 4)
        let array = try #require(document["compositions"] as? [[String: Any]])
        #expect(array.count == 4)
        #expect(array.allSatisfy { ($0["answers"] as? [String: Any])?["area"] as? Int == 320 })
    }

    @Test func fortyQuestionsValidateQuickly() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let files = FileManager.default
        try files.createDirectory(atPath: root + "/items", withIntermediateDirectories: true)
        try files.createDirectory(atPath: root + "/matters", withIntermediateDirectories: true)
        try files.copyItem(atPath: Fixtures.path(Self.catalog), toPath: root + "/items/items.xml")
        try files.copyItem(atPath: try Self.fortyQuestions(), toPath: root + "/matters/forty.xml")
        let start = Date()
        let run = try Fixtures.runOnego(["validate", root])
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(!run.stderr.contains("never-selected"))
    }

    @Test func streamsEveryAnswerSetOf162MembersInBoundedMemory() throws {
        let large = try Self.largeMatter(memberCount: 162, questions: 4, options: 2)
        let json = try Fixtures.runOnego([
            "compose", large, "--catalog", Self.catalog, "--enumerate", "--format", "json",
        ])
        #expect(json.status == 0, "\(json.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let array = try #require(document["compositions"] as? [[String: Any]])
        #expect(array.count == 81)
        #expect(array.allSatisfy { ($0["members"] as? [Any]).map { $0.count >= 100 } ?? false })
        let answers = Set(
            array.compactMap { ($0["answers"] as? [String: [String]]).map { "\($0.sorted { $0.key < $1.key })" } })
        #expect(answers.count == 81)
        let text = try Fixtures.runOnego(["compose", large, "--catalog", Self.catalog, "--enumerate"])
        #expect(text.stdout.hasPrefix("一件事：大型企业开办（T-LARGE），共 81 种情形组合\n"))
        #expect(text.stdout.split(separator: "\n").count == 1 + 1 + 81)
        // The peak resident size of this enumeration alone: measured by a parent of its own, since this test
        // process's RUSAGE_CHILDREN also counts the children of tests running beside it.
        let measured = try Fixtures.run(
            "/usr/bin/env",
            [
                "python3", "-c",
                "import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True); "
                    + "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)",
                Fixtures.onegoExecutable, "compose", large, "--catalog", Self.catalog, "--enumerate", "--format",
                "json",
            ], in: Fixtures.repositoryRoot)
        #expect(measured.status == 0, "\(measured.stderr)")
        let peak = try #require(Int(measured.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(Fixtures.isAddressSanitized || peak < 300 * 1024, "\(peak) KB")
    }
}
