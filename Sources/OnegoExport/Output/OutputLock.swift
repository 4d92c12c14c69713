import Foundation

#if canImport(Glibc)
    // ZIPFoundation (linked into this module for Office files) makes `stat` resolve through CoreFoundation.
    import CoreFoundation
    import CDispatch  // owns `struct stat` here once the module links OnegoSearch
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive lock on an output folder, held from before the run reads anything until it has swapped its output
/// into place, so two runs writing the same folder take turns instead of deleting each other's work.
///
/// The lock is `flock(LOCK_EX)` on the folder that holds the output folder (the output folder itself is replaced by
/// the swap, so it cannot carry the lock, and a lock file would be left behind or, removed, let a waiting run and a
/// new run lock two different files). Runs writing different folders in the same parent folder therefore also take
/// turns. Closing the descriptor (``release()``, deinit, or the process ending in any way, `kill -9` included)
/// releases the lock. The corresponding POSIX call is `flock(2)`.
public final class OutputLock: @unchecked Sendable {
    private var descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit { release() }

    /// Releases the lock.
    public func release() {
        if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
        }
    }

    /// Locks the output folder `path`, waiting up to `timeout` seconds for another run to finish; `onWait` is called
    /// once when the lock is busy at first.
    public static func acquire(
        _ path: String, timeout: Double = 60, onWait: () -> Void = {}
    ) throws(OutputError) -> OutputLock {
        let target = try OutputTarget.resolve(path, allowingFolder: true)
        let descriptor = openat(target.folder, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw OutputError(path: path, reason: .cannotCreate(SystemCalls.describe(errno)))
        }
        let lock = OutputLock(descriptor: descriptor)
        let started = Date()
        var waited = false
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                throw OutputError(path: path, reason: .cannotCreate(SystemCalls.describe(errno)))
            }
            if !waited {
                waited = true
                onWait()
            }
            guard Date().timeIntervalSince(started) < timeout else {
                throw OutputError(path: path, reason: .busy(Int(timeout.rounded())))
            }
            usleep(50_000)
        }
        return lock
    }
}
