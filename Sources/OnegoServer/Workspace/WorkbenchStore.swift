import Foundation

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

    private let lock = NSLock()
    private var current: WorkbenchData
    private var currentGeneration: UInt64 = 0
    /// API answers computed from the current data (emptied on reload).
    let responses = ResponseCache()
    private var failure: String?
    private var fingerprint: WorkspaceFingerprint
    private let loader: Loader?
    /// The files and folders whose changes trigger a reload.
    public let watchedPaths: [String]

    /// Creates a store serving `data`; with a `loader`, changes under `watchedPaths` reload it.
    public init(data: WorkbenchData, watching watchedPaths: [String] = [], loader: Loader? = nil) {
        self.current = data
        self.loader = loader
        self.watchedPaths = watchedPaths
        self.fingerprint = WorkspaceFingerprint(paths: watchedPaths)
    }

    /// The data to serve now (the last complete load).
    public var data: WorkbenchData { lock.withLock { current } }

    /// The data to serve now and its generation: a number that changes whenever the data is replaced (keys for
    /// ``responses``).
    var snapshot: (data: WorkbenchData, generation: UInt64) { lock.withLock { (current, currentGeneration) } }

    /// Why the last reload failed, or nil when the data served is what is on disk.
    public var reloadError: String? { lock.withLock { failure } }

    /// Reloads when a watched file was added, removed or changed (size or modification time) since the last look;
    /// returns whether a reload was attempted. Concurrent calls are serialised.
    @discardableResult
    public func reloadIfChanged() -> Bool {
        let now = WorkspaceFingerprint(paths: watchedPaths)
        guard lock.withLock({ now != fingerprint }) else { return false }
        reload(fingerprint: now)
        return true
    }

    /// Reloads now, whether or not anything changed (after the workbench itself wrote a file).
    public func reloadNow() {
        reload(fingerprint: WorkspaceFingerprint(paths: watchedPaths))
    }

    private func reload(fingerprint now: WorkspaceFingerprint) {
        guard let loader else { return }
        reloading.lock()
        defer { reloading.unlock() }
        do {
            let fresh = try loader()
            lock.withLock {
                current = fresh
                currentGeneration += 1
                responses.reset(generation: currentGeneration)
                failure = nil
                fingerprint = now
            }
        } catch {
            lock.withLock {
                failure = String(describing: error)
                fingerprint = now
            }
        }
    }

    private let reloading = NSLock()

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
