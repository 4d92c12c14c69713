import Foundation

/// Writes a whole folder of output (the handbook site) so that readers see either the old folder or the complete
/// new one: every file goes into a fresh temporary folder beside the target, which then replaces the target by
/// renames. A failure removes the temporary folder and leaves the old one as it was.
///
/// An existing target is replaced only when it is empty or was written by onego (it holds `marker`), so a typo in
/// `--out` cannot wipe someone's folder; it may not be, contain, or lie inside one of the command's inputs.
public struct AtomicDirectory: Sendable {
    /// The files and folders the command read.
    public var inputs: [String]
    /// The name of the file that marks a folder as onego output.
    public var marker: String

    /// Creates a writer.
    public init(protecting inputs: [String] = [], marker: String) {
        self.inputs = inputs
        self.marker = marker
    }

    /// Checks that `path` may be written, without touching anything.
    public func check(_ path: String) throws(OutputError) {
        let target = AtomicWriter.canonical(path)
        let files = FileManager.default
        for input in inputs {
            let resolved = AtomicWriter.canonical(input)
            if resolved == target || resolved.hasPrefix(target + "/") || target.hasPrefix(resolved + "/") {
                throw OutputError(path: path, reason: .isInput(input))
            }
        }
        let parent = (target as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        guard files.fileExists(atPath: parent, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw OutputError(path: path, reason: .missingFolder(parent))
        }
        if files.fileExists(atPath: target, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw OutputError(path: path, reason: .notAFolder) }
            let contents = (try? files.contentsOfDirectory(atPath: target)) ?? []
            if !contents.isEmpty, !contents.contains(marker) {
                throw OutputError(path: path, reason: .foreignFolder)
            }
        }
    }

    /// Writes `files` (relative path → text) as the folder `path`, replacing an earlier onego output there.
    public func write(_ files: [(path: String, text: String)], to path: String) throws(OutputError) {
        try check(path)
        let manager = FileManager.default
        let target = AtomicWriter.canonical(path)
        let parent = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        let suffix = String(UInt32.random(in: .min ... .max), radix: 16)
        AtomicWriter.removeLeftovers(of: target)
        let temporary = parent + "/." + name + ".onego-" + suffix + ".tmp"
        let old = parent + "/." + name + ".onego-" + suffix + ".old"
        do {
            try manager.createDirectory(atPath: temporary, withIntermediateDirectories: false)
        } catch {
            throw OutputError(path: path, reason: .cannotCreate(error.localizedDescription))
        }
        do throws(OutputError) {
            for file in files {
                guard !file.path.hasPrefix("/"), !file.path.split(separator: "/").contains("..") else {
                    throw OutputError(path: path, reason: .aborted("非法的相对路径 \(file.path)"))
                }
                let full = temporary + "/" + file.path
                let folder = (full as NSString).deletingLastPathComponent
                do {
                    try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
                } catch {
                    throw OutputError(path: path, reason: .cannotWrite(error.localizedDescription))
                }
                try AtomicWriter().write(file.text, to: full)
            }
            var isDirectory: ObjCBool = false
            let replacing = manager.fileExists(atPath: target, isDirectory: &isDirectory)
            if replacing {
                guard rename(target, old) == 0 else {
                    throw OutputError(path: path, reason: .cannotRename(String(cString: strerror(errno))))
                }
            }
            guard rename(temporary, target) == 0 else {
                let reason = String(cString: strerror(errno))
                if replacing { _ = rename(old, target) }
                throw OutputError(path: path, reason: .cannotRename(reason))
            }
            if replacing { try? manager.removeItem(atPath: old) }
        } catch {
            try? manager.removeItem(atPath: temporary)
            throw error
        }
    }
}
