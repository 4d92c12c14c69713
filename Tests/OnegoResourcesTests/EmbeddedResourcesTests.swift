import Foundation
import OnegoCatalog
import OnegoResources
import OnegoTestSupport
import Testing

@Suite struct EmbeddedResourcesTests {
    @Test func everyBuiltInFileMatchesTheRepository() throws {
        #expect(!EmbeddedResource.all.isEmpty)
        for resource in EmbeddedResource.all {
            let file = try #require(FileManager.default.contents(atPath: Fixtures.path(resource.path)))
            #expect(
                resource.bytes == [UInt8](file),
                "\(resource.path) changed since Scripts/embed-resources last ran: run it and commit the result")
        }
    }

    @Test func everyShippedFileIsBuiltIn() throws {
        let embedded = Set(EmbeddedResource.all.map(\.path))
        for pattern in EmbeddedResource.sourcePatterns {
            let folder = (pattern as NSString).deletingLastPathComponent
            let name = (pattern as NSString).lastPathComponent
            let files = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.path(folder))) ?? []
            for file in files where Self.matches(file, name) {
                #expect(
                    embedded.contains(folder + "/" + file),
                    "\(folder)/\(file) is not built in: run Scripts/embed-resources and commit the result")
            }
        }
    }

    @Test(arguments: SchemaLocator.Kind.allCases)
    func everySchemaIsBuiltInSelfContainedAndVersioned(kind: SchemaLocator.Kind) throws {
        let resource = try #require(kind.builtIn)
        let text = String(decoding: resource.bytes, as: UTF8.self)
        // Schemas compiled from memory cannot resolve relative includes or imports.
        #expect(!text.contains("<xs:include"), "\(resource.path)")
        #expect(!text.contains("<xs:import"), "\(resource.path)")
        // The catalog schema is at 1.1 (1.0 files keep loading); every other format at 1.0.
        #expect(kind.version == (kind == .catalog ? "1.1" : "1.0"))
    }

    /// Matches `*.xsd`-style patterns and plain names.
    private static func matches(_ file: String, _ pattern: String) -> Bool {
        guard pattern.hasPrefix("*") else { return file == pattern }
        return file.hasSuffix(pattern.dropFirst())
    }
}
