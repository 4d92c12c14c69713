import Foundation
import OnegoCatalog

/// The workspace the workbench serves, swapped whole when the files on disk change: every request reads one
/// complete ``WorkbenchData``; a reload that fails keeps the last good one and records the error for the banner.
///
/// ```swift
/// let store = WorkbenchStore(data: try load(), watching: ["Catalogs/yunxi"], loader: load)
/// store.reloadIfChanged()  // also run every second by `Workbench.run`
/// ```
public final class WorkbenchStore: @unchecked Sendable {
    /// Loads the workspace again, as at start (throws with the file:line:column message when it cannot).
    public typealias Loader = @Sendable () throws -> WorkbenchData

    /// What a reload replaces, swapped under one lock.
    private struct State {
        var current: WorkbenchData
        var generation: UInt64 = 0
        var failure: String?
        var fingerprint: WorkspaceFingerprint
    }

    private let state: Locked<State>
    /// API answers computed from the current data (emptied on reload).
    let responses = ResponseCache()
    private let loader: Loader?
    /// The files and folders whose changes trigger a reload.
    public let watchedPaths: [String]
    /// Serialises reloads: the loader runs while this is held, so it guards no value and is never taken under
    /// `state`.
    private let reloading = Locked(())

    /// Creates a store serving `data`; with a `loader`, changes under `watchedPaths` reload it.
    public init(data: WorkbenchData, watching watchedPaths: [String] = [], loader: Loader? = nil) {
        self.state = Locked(State(current: data, fingerprint: WorkspaceFingerprint(paths: watchedPaths)))
        self.loader = loader
        self.watchedPaths = watchedPaths
    }

    /// The data to serve now (the last complete load).
    public var data: WorkbenchData { state.withLock { $0.current } }

    /// The data to serve now and its generation: a number that changes whenever the data is replaced (keys for
    /// ``responses``).
    var snapshot: (data: WorkbenchData, generation: UInt64) { state.withLock { ($0.current, $0.generation) } }

    /// Why the last reload failed, or nil when the data served is what is on disk.
    public var reloadError: String? { state.withLock { $0.failure } }

    /// Reloads when a watched file was added, removed or changed (size or modification time) since the last look;
    /// returns whether a reload was attempted. Concurrent calls are serialised.
    @discardableResult
    public func reloadIfChanged() -> Bool {
        let now = WorkspaceFingerprint(paths: watchedPaths)
        guard state.withLock({ now != $0.fingerprint }) else { return false }
        reload(fingerprint: now)
        return true
    }

    /// Reloads now, whether or not anything changed (after the workbench itself wrote a file).
    public func reloadNow() {
        reload(fingerprint: WorkspaceFingerprint(paths: watchedPaths))
    }

    private func reload(fingerprint now: WorkspaceFingerprint) {
        guard let loader else { return }
        reloading.withLock { _ in
            let outcome = Result { try loader() }
            let generation: UInt64? = state.withLock { state in
                state.fingerprint = now
                switch outcome {
                case .success(let fresh):
                    state.current = fresh
                    state.generation += 1
                    state.failure = nil
                    return state.generation
                case .failure(let error):
                    state.failure = String(describing: error)
                    return nil
                }
            }
            // Answers are keyed by generation, so emptying the cache after the swap never serves a stale one.
            if let generation { responses.reset(generation: generation) }
        }
    }

    /// Looks for changes every `interval` until the task is cancelled.
    public func watch(every interval: Duration = .seconds(1)) async {
        while !Task.isCancelled {
            do { try await Task.sleep(for: interval) } catch { return }
            reloadIfChanged()
        }
    }
}

/// The size and modification time of every file under some paths: equal fingerprints mean nothing changed.
struct WorkspaceFingerprint: Equatable, Sendable {
    var entries: [String: [Double]]

    init(paths: [String]) {
        var entries: [String: [Double]] = [:]
        let manager = FileManager.default
        for root in paths {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: root, isDirectory: &isFolder) else { continue }
            var files = [root]
            if isFolder.boolValue {
                let found = manager.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
                files = found.map { root + "/" + $0 }
            }
            for file in files {
                guard let attributes = try? manager.attributesOfItem(atPath: file),
                    attributes[.type] as? FileAttributeType == .typeRegular
                else { continue }
                let size = (attributes[.size] as? NSNumber)?.doubleValue ?? -1
                let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
                entries[file] = [size, modified]
            }
        }
        self.entries = entries
    }
}
