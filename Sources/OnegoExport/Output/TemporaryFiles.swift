import Foundation
import OnegoCatalog

#if canImport(Glibc)
    // ZIPFoundation (linked into this module for Office files) makes `stat` resolve through CoreFoundation.
    import CoreFoundation
    import CDispatch  // owns `struct stat` here once the module links OnegoSearch
    import Glibc
    #if canImport(CDispatch)
        import CDispatch  // `struct stat` may be attributed to it (see SystemCalls.swift)
    #endif
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The temporary files and folders the writers have created and not yet renamed into place, so that an interrupted
/// run (SIGINT, SIGTERM, a write error on standard output) can remove them before it exits.
///
/// Names carry the writing process's id (`.NAME.onego-PID-RANDOM.tmp`), so a later run removes only what a dead
/// process left behind and never the temporary file of a run still writing beside it.
public enum TemporaryFiles {
    /// The registered paths (whether each is a folder), and whether removal has begun.
    private struct State {
        var paths: [String: Bool] = [:]
        var isClosed = false
    }

    private static let state = Locked(State())

    /// A fresh temporary name for `name` in the same folder, with `suffix` (`tmp` or `old`).
    static func name(for name: String, suffix: String) -> String {
        "." + name + ".onego-" + String(getpid()) + "-" + String(UInt64.random(in: .min ... .max), radix: 16) + "."
            + suffix
    }

    /// Creates a temporary file or folder with `make` and registers `path` to be removed if the run is interrupted,
    /// in one step an interruption cannot split; throws once removal has begun (the run is exiting).
    static func create<T>(
        _ path: String, isFolder: Bool, for output: String, _ make: () throws(OutputError) -> T
    ) throws(OutputError) -> T {
        // `make` runs under the lock on purpose: no interruption can come between creating and registering.
        try state.withLock { (state: inout State) throws(OutputError) -> T in
            guard !state.isClosed else { throw OutputError(path: output, reason: .interrupted) }
            let result = try make()
            state.paths[path] = isFolder
            return result
        }
    }

    /// Whether removal has begun: the run was interrupted and is about to end by its signal.
    public static var isInterrupted: Bool { state.withLock { $0.isClosed } }

    /// Forgets a path once it was renamed into place or removed.
    static func unregister(_ path: String) {
        state.withLock { $0.paths[path] = nil }
    }

    /// Runs `body` (a rename that must not be cut in half, a file added to a temporary folder) while no interruption
    /// can remove temporary files.
    static func withoutInterruption<T>(path: String, _ body: () throws(OutputError) -> T) throws(OutputError) -> T {
        try state.withLock { (state: inout State) throws(OutputError) -> T in
            guard !state.isClosed else { throw OutputError(path: path, reason: .interrupted) }
            return try body()
        }
    }

    /// Removes every registered temporary file and folder and refuses new ones; called once, when the process is
    /// about to exit early. Waits for a rename in progress to finish first.
    public static func removeAll() {
        // The removal runs under the lock on purpose: a rename in progress finishes first, and no new file starts.
        state.withLock { state in
            state.isClosed = true
            removeFiles(state.paths)
            state.paths = [:]
        }
    }

    private static func removeFiles(_ paths: [String: Bool]) {
        for (path, isFolder) in paths {
            if isFolder {
                // Nothing adds to the folder any more (writers add files under the lock), but retry in case.
                for _ in 0..<3 where FileManager.default.fileExists(atPath: path) {
                    try? FileManager.default.removeItem(atPath: path)
                }
            } else {
                _ = unlink(path)
            }
        }
    }

    /// Removes what killed runs left beside `name` in `folder`: `.NAME.onego-PID-….tmp` and `….old` whose process
    /// is gone. A `.old` folder of this user is put back as `name` when `name` is missing (a run killed between the
    /// two renames of the fallback swap), so the previous output is never lost.
    static func removeLeftovers(of name: String, in folder: Int32, folderPath: String) {
        let prefix = "." + name + ".onego-"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folderPath)) ?? []
        for entry in names where entry.hasPrefix(prefix) && (entry.hasSuffix(".tmp") || entry.hasSuffix(".old")) {
            // `PID-RANDOM`; a name without the process id is from an older onego and always stale.
            let parts = entry.dropFirst(prefix.count).dropLast(4).split(separator: "-")
            if parts.count == 2, let pid = Int32(parts[0]), pid > 0, kill(pid, 0) == 0 || errno == EPERM {
                continue  // Its writer is still running.
            }
            if entry.hasSuffix(".old"), SystemCalls.entry(name, in: folder) == nil,
                SystemCalls.entry(entry, in: folder)?.st_uid == geteuid(), renameat(folder, entry, folder, name) == 0
            {
                continue
            }
            try? FileManager.default.removeItem(atPath: folderPath + "/" + entry)
        }
    }
}
