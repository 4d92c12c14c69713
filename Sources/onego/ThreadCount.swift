import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `--threads` option: how many threads a catalog load may use, a number or `auto`.
///
/// The library takes an explicit count (``CatalogLoader/threads``); `auto` is decided here, from the cores and
/// how busy they are right now.
enum ThreadCount: ExpressibleByArgument, Equatable {
    /// The cores nobody else is using now (at least one).
    case automatic
    /// Exactly this many (at least one).
    case exactly(Int)

    init?(argument: String) {
        if argument == "auto" {
            self = .automatic
        } else if let count = Int(argument), (1...1024).contains(count) {
            self = .exactly(count)
        } else {
            return nil
        }
    }

    var defaultValueDescription: String { "auto" }

    /// The count to hand the loader.
    func resolved() -> Int {
        switch self {
        case .exactly(let count): return count
        case .automatic:
            let cores = ProcessInfo.processInfo.activeProcessorCount
            return max(1, min(cores, cores - Int(Self.otherRunnableThreads().rounded(.down))))
        }
    }

    /// Threads of other processes ready to run now: Linux's instantaneous count from `/proc/loadavg` (the
    /// 1-minute average lags behind, e.g. right after a build), else the load average, less this thread.
    static func otherRunnableThreads() -> Double {
        if let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) {
            let fields = text.split(separator: " ")
            if fields.count >= 4, let running = fields[3].split(separator: "/").first.flatMap({ Double($0) }) {
                return max(0, running - 1)
            }
        }
        var load = [0.0]
        guard getloadavg(&load, 1) == 1 else { return .infinity }
        return max(0, load[0] - 1)
    }
}
