import Foundation
public import OnegoBase
import OnegoResources
public import OnegoXML

/// Data files onego ships (import profiles, code profiles) found by name: in a folder an environment variable names,
/// else the copy built into the binary. Nothing is searched for in parent folders.
///
/// A built-in file is named by a pseudo path `内置/FOLDER/NAME.xml`, which ``parse(_:with:into:)`` reads from the
/// binary and every diagnostic prints, so a message about a shipped profile says where it came from.
public enum ShippedFile {
    /// The prefix of a built-in file's pseudo path.
    public static let builtInPrefix = "内置/"

    /// The file for `nameOrPath`: a path as given (anything ending in `.xml` or containing `/`) when it is readable;
    /// else `NAME.xml` in the folder named by `environmentVariable` when that is set (and only there); else the
    /// built-in `folder/NAME.xml`.
    public static func locate(_ nameOrPath: String, folder: String, environmentVariable: String) -> String? {
        if nameOrPath.hasSuffix(".xml") || nameOrPath.contains("/") {
            return FileManager.default.isReadableFile(atPath: nameOrPath) ? nameOrPath : nil
        }
        if let override = ProcessInfo.processInfo.environment[environmentVariable], !override.isEmpty {
            let path = override + "/" + nameOrPath + ".xml"
            return FileManager.default.isReadableFile(atPath: path) ? path : nil
        }
        let resource = folder + "/" + nameOrPath + ".xml"
        return EmbeddedResource.named(resource) == nil ? nil : builtInPrefix + resource
    }

    /// The names of the built-in files in `folder` (without `.xml`), sorted.
    public static func builtInNames(in folder: String) -> [String] {
        EmbeddedResource.inFolder(folder).map(\.fileName).filter { $0.hasSuffix(".xml") }.map { String($0.dropLast(4)) }
    }

    /// Parses the file at `path` (a real path, or a built-in pseudo path from ``locate(_:folder:environmentVariable:)``).
    public static func parse(
        _ path: String, with parser: XMLStreamParser, into handler: any XMLContentHandler
    ) -> [Diagnostic] {
        if path.hasPrefix(builtInPrefix),
            let resource = EmbeddedResource.named(String(path.dropFirst(builtInPrefix.count)))
        {
            return parser.parse(bytes: resource.bytes, name: path, into: handler)
        }
        return parser.parse(contentsOf: path, into: handler)
    }
}
