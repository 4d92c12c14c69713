import Dispatch
import Foundation

/// How far a catalog load has come, for a progress display.
public struct LoadProgress: Sendable, Hashable {
    /// Bytes parsed so far, over all files.
    public var bytesRead: Int
    /// The size of all files being loaded.
    public var totalBytes: Int
    /// Items read so far.
    public var items: Int
    /// Seconds since parsing started.
    public var elapsed: Double
    /// Whether parsing has finished (the last report of a load).
    public var isFinished: Bool

    /// Creates a progress report.
    public init(bytesRead: Int, totalBytes: Int, items: Int, elapsed: Double, isFinished: Bool) {
        self.bytesRead = bytesRead
        self.totalBytes = totalBytes
        self.items = items
        self.elapsed = elapsed
        self.isFinished = isFinished
    }

    /// The fraction of bytes read, 0…1.
    public var fraction: Double { totalBytes > 0 ? min(1, Double(bytesRead) / Double(totalBytes)) : 0 }

    /// Items per second so far.
    public var itemsPerSecond: Double { elapsed > 0 ? Double(items) / elapsed : 0 }

    /// Seconds still to go at the rate so far, or nil before there is a rate.
    public var estimatedSecondsLeft: Double? {
        guard bytesRead > 0, elapsed > 0, totalBytes >= bytesRead else { return nil }
        return elapsed * Double(totalBytes - bytesRead) / Double(bytesRead)
    }

    static func totalBytes(of paths: [String]) -> Int {
        paths.reduce(0) { sum, path in
            var info = stat()
            return sum + (stat(path, &info) == 0 ? Int(info.st_size) : 0)
        }
    }
}

/// Sums progress from the parsing threads and reports it at most every 0.2 s.
final class ProgressMeter: @unchecked Sendable {
    private let lock = NSLock()
    private let report: @Sendable (LoadProgress) -> Void
    private let totalBytes: Int
    private let start = DispatchTime.now().uptimeNanoseconds
    private var bytes = 0
    private var items = 0
    private var lastReport: UInt64 = 0

    init(totalBytes: Int, report: @escaping @Sendable (LoadProgress) -> Void) {
        self.totalBytes = totalBytes
        self.report = report
    }

    func add(bytes newBytes: Int, items newItems: Int) {
        // Reports go out under the lock, so a display sees them in order and one at a time. The clock is read under
        // the lock too: read before it, another thread could store a later `lastReport` first and the difference
        // would underflow (seen as a crash when parallel loads showed progress).
        lock.withLock {
            let now = DispatchTime.now().uptimeNanoseconds
            bytes += newBytes
            items += newItems
            guard now >= lastReport, now - lastReport >= 200_000_000 else { return }
            lastReport = now
            report(
                LoadProgress(
                    bytesRead: bytes, totalBytes: totalBytes, items: items, elapsed: Double(now - start) / 1e9,
                    isFinished: false))
        }
    }

    func finish() {
        let now = DispatchTime.now().uptimeNanoseconds
        lock.withLock {
            report(
                LoadProgress(
                    bytesRead: bytes, totalBytes: totalBytes, items: items, elapsed: Double(now - start) / 1e9,
                    isFinished: true))
        }
    }
}
