import Foundation
import OnegoCatalog
import OnegoXML

/// libFuzzer entry point: feeds arbitrary bytes to the validating catalog loader and checks its invariants — it
/// must return (never crash, hang or leak), and every diagnostic must carry a rule, a message and a place.
///
/// Built with `-sanitize=fuzzer,address -DFUZZING` by `Tests/Fuzz/run`; built normally it is a corpus replayer
/// (`onego-fuzz FILE...`), so every input that ever crashed keeps being checked.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let result = FuzzTarget.loader.load(bytes: bytes, name: "fuzz.xml")
    for diagnostic in result.diagnostics {
        precondition(!diagnostic.rule.isEmpty && !diagnostic.message.isEmpty, "diagnostic without rule or message")
        precondition(diagnostic.location != nil || diagnostic.rule.hasPrefix("catalog."), "diagnostic without place")
    }
    if !result.diagnostics.containsErrors {
        // A valid document round-trips through the writer to the same items.
        let again = FuzzTarget.loader.load(
            bytes: Array(CatalogWriter().document(result.catalog.items).utf8), name: "again.xml")
        precondition(again.catalog.items.map(\.id) == result.catalog.items.map(\.id), "round trip changed the items")
    }
    return 0
}

enum FuzzTarget {
    static let loader: CatalogLoader = {
        do {
            return try CatalogLoader.validating()
        } catch {
            fatalError("onego-fuzz needs Schemas/catalog.xsd (run from the repository or set ONEGO_SCHEMAS): \(error)")
        }
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
                    ? try FileManager.default.contentsOfDirectory(atPath: path).sorted().map { path + "/" + $0 } : [path]
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
