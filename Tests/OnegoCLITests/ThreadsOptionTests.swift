import Foundation
import OnegoTestSupport
import Testing

@Suite struct ThreadsOptionTests {
    /// The sample catalog (twenty department files, loaded several at once with two threads) and a copy with
    /// errors in two files: one thread and two give the same output, byte for byte.
    @Test(arguments: [["validate", "--format", "json"], ["validate", "--format", "json", "--trusted"]])
    func oneAndTwoThreadsGiveIdenticalOutput(command: [String]) throws {
        let broken = try Fixtures.variant(
            of: "minimal.xml", [("<promisedLimit value=\"0.5\"", "<promisedLimit value=\"9\"")])
        for paths in [["Catalogs/yunxi/items"], ["Catalogs/yunxi/items", broken, "Tests/Fixtures/minimal.xml"]] {
            let one = try Fixtures.runOnego(command + paths + ["--threads", "1"])
            let two = try Fixtures.runOnego(command + paths + ["--threads", "2"])
            #expect(one.status == two.status)
            #expect(!one.stdout.isEmpty)
            #expect(one.stdout == two.stdout)
            #expect(one.stderr == two.stderr)
        }
    }

    @Test func automaticIsAcceptedAndValidates() throws {
        let run = try Fixtures.runOnego(["validate", "Catalogs/yunxi/items", "--threads", "auto"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("目录有效："))
    }

    @Test(arguments: ["0", "-2", "many"])
    func aCountThatIsNotPositiveIsAUsageError(value: String) throws {
        let run = try Fixtures.runOnego(["validate", "Tests/Fixtures/minimal.xml", "--threads", value])
        #expect(run.status == 64)
        #expect(run.stderr.contains("--threads"))
    }
}
