import Foundation
import OnegoBase
import OnegoCatalog
import OnegoComposer

/// libFuzzer entry point. `ONEGO_FUZZ=loader` (default) feeds arbitrary bytes to the validating catalog loader;
/// `ONEGO_FUZZ=compose` feeds them as a matter definition over the sample catalog and composes every answer set.
/// Both must return — never crash, hang or leak — and keep their invariants.
///
/// Built with `-sanitize=fuzzer,address -DFUZZING` by `Tests/Fuzz/run`; built normally it is a corpus replayer
/// (`onego-fuzz FILE...`), so every input that ever crashed keeps being checked.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    switch FuzzTarget.mode {
    case .loader: fuzzLoader(bytes)
    case .compose: fuzzComposer(bytes)
    }
    return 0
}

/// Invariants of loading: every diagnostic has a rule, a message and a place; a clean document round-trips.
func fuzzLoader(_ bytes: [UInt8]) {
    let result = FuzzTarget.loader.load(bytes: bytes, name: "fuzz.xml")
    for diagnostic in result.diagnostics {
        precondition(
            !diagnostic.rule.rawValue.isEmpty && !diagnostic.message.isEmpty, "diagnostic without rule or message")
        precondition(diagnostic.location != nil || diagnostic.rule.hasPrefix("catalog."), "diagnostic without place")
    }
    if !result.diagnostics.containsErrors {
        let again = FuzzTarget.loader.load(
            bytes: Array(CatalogWriter().document(result.catalog.items).utf8), name: "again.xml")
        precondition(again.catalog.items.map(\.id) == result.catalog.items.map(\.id), "round trip changed the items")
    }
}

/// Invariants of composition: a valid matter composes for each enumerated answer set (or fails with a typed
/// error), never asks the applicant for more than the members did separately, and its critical path never
/// exceeds the serial sum.
func fuzzComposer(_ bytes: [UInt8]) {
    let (matter, diagnostics) = FuzzTarget.matterLoader.load(bytes: bytes, name: "matter.xml")
    guard let matter, !diagnostics.containsErrors else { return }
    let composer = FuzzTarget.composer
    _ = MatterChecks.run(matters: [matter], catalog: composer.catalog, synonyms: .empty)
    for answers in composer.enumerateAnswerSets(for: matter, limit: 64) {
        guard let composition = try? composer.compose(matter: matter, answers: answers, accepted: nil) else { continue }
        let reductions = composition.reductions
        precondition(reductions.materials.after <= reductions.materials.before, "more materials after merging")
        precondition(
            composition.workingDays.critical <= composition.workingDays.serialPromised + 1e-9,
            "critical path longer than the serial sum")
        precondition(composition.stages.allSatisfy { !$0.members.isEmpty }, "empty stage")
    }
}

enum FuzzTarget {
    enum Mode { case loader, compose }

    static let mode: Mode = ProcessInfo.processInfo.environment["ONEGO_FUZZ"] == "compose" ? .compose : .loader

    static let loader: CatalogLoader = {
        do {
            return try CatalogLoader.validating()
        } catch {
            fatalError("onego-fuzz needs Schemas/catalog.xsd (run from the repository or set ONEGO_SCHEMAS): \(error)")
        }
    }()

    static let matterLoader: MatterLoader = {
        do {
            return try MatterLoader.validating()
        } catch {
            fatalError("onego-fuzz needs Schemas/matter.xsd (run from the repository or set ONEGO_SCHEMAS): \(error)")
        }
    }()

    /// A composer over the sample catalog, without a calendar (due dates are not fuzzed).
    static let composer: Composer = {
        let catalog = loader.load(paths: ["Catalogs/yunxi/items"]).catalog
        precondition(!catalog.items.isEmpty, "onego-fuzz compose mode runs from the repository root")
        return Composer(catalog: catalog, synonyms: .empty, calendar: nil)
    }()
}

#if FUZZING
    /// libFuzzer's driver; SwiftPM names the executable's entry point itself, so main hands over to the driver.
    @_silgen_name("LLVMFuzzerRunDriver")
    func runFuzzerDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
    ) -> CInt

    @main
    enum FuzzMain {
        static func main() {
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            exit(runFuzzerDriver(&argc, &argv, fuzzOne))
        }
    }
#else
    @main
    enum ReplayCorpus {
        static func main() throws {
            var count = 0
            for path in CommandLine.arguments.dropFirst() {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
                let files =
                    isDirectory.boolValue
                    ? try FileManager.default.contentsOfDirectory(atPath: path).sorted().map { path + "/" + $0 }
                    : [path]
                for file in files {
                    let data = try Data(contentsOf: URL(fileURLWithPath: file))
                    let bytes = [UInt8](data) + [0]
                    _ = bytes.withUnsafeBufferPointer { buffer in
                        buffer.baseAddress.map { fuzzOne($0, data.count) }
                    }
                    count += 1
                }
            }
            print("replayed \(count) inputs")
        }
    }
#endif
