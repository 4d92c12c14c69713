import Foundation
import OnegoCatalog
import OnegoImport

/// The files uploaded for import during this run, each in its own private temporary folder until saved.
final class ImportUploads: Sendable {
    /// One upload: where it was stored, under its original extension, and the profile picked.
    struct Upload: Sendable {
        var path: String
        var originalName: String
        var profile: String
    }

    private let uploads = Locked<[String: Upload]>([:])

    /// The profiles shipped in `Catalogs/profiles` that can be picked.
    static let profiles = ["template", "excel-list", "gdzwfw", "national-tables", "provincial-exchange"]

    /// Stores an upload and returns its id.
    func add(bytes: [UInt8], originalName: String, profile: String) throws -> String {
        let id = AccessToken.random().value.prefix(24).description
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("onego-upload-" + id).path
        try FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        let safe = (originalName as NSString).lastPathComponent.filter { $0 != "/" && $0 != "\0" }
        let path = folder + "/" + (safe.isEmpty || safe.hasPrefix(".") ? "upload" + safe : safe)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        uploads.withLock { $0[id] = Upload(path: path, originalName: originalName, profile: profile) }
        return id
    }

    /// The upload with this id.
    func upload(_ id: String) -> Upload? { uploads.withLock { $0[id] } }
}
