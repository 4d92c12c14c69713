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
///
/// Reports go out one at a time and in order, but never under the lock: a thread takes a snapshot and marks a report
/// in flight; others skip their report meanwhile (the next one is at most 0.2 s away).
final class ProgressMeter: Sendable {
    private struct State {
        var bytes = 0
        var items = 0
        var lastReport: UInt64 = 0
        var isReporting = false
    }

    private let state = Locked(State())
    private let report: @Sendable (LoadProgress) -> Void
    private let totalBytes: Int
    private let start = DispatchTime.now().uptimeNanoseconds

    init(totalBytes: Int, report: @escaping @Sendable (LoadProgress) -> Void) {
        self.totalBytes = totalBytes
        self.report = report
    }

    func add(bytes newBytes: Int, items newItems: Int) {
        // The clock is read under the lock: read before it, another thread could store a later `lastReport` first
        // and the difference would underflow (seen as a crash when parallel loads showed progress).
        let due: LoadProgress? = state.withLock { state in
            let now = DispatchTime.now().uptimeNanoseconds
            state.bytes += newBytes
            state.items += newItems
            guard !state.isReporting, now >= state.lastReport, now - state.lastReport >= 200_000_000 else { return nil }
            state.lastReport = now
            state.isReporting = true
            return LoadProgress(
                bytesRead: state.bytes, totalBytes: totalBytes, items: state.items,
                elapsed: Double(now - start) / 1e9, isFinished: false)
        }
        guard let due else { return }
        report(due)
        state.withLock { $0.isReporting = false }
    }

    func finish() {
        let now = DispatchTime.now().uptimeNanoseconds
        // Called once the parsing threads are done: no report is in flight.
        let last = state.withLock {
            LoadProgress(
                bytesRead: $0.bytes, totalBytes: totalBytes, items: $0.items, elapsed: Double(now - start) / 1e9,
                isFinished: true)
        }
        report(last)
    }
}
