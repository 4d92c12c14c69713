import Dispatch
import OnegoExport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Removes the writers' temporary files and folders when the run is interrupted (SIGINT, SIGTERM), then ends the
/// process as the signal would have, so an interrupted `site` or `--output` leaves nothing behind.
///
/// The signals are received by dispatch sources (the handler runs on a normal thread, where removing folders is
/// safe), not by a C signal handler. A signal that was ignored when onego started (`nohup`) stays ignored.
enum InterruptCleanup {
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    /// Installs the handlers; call once, before any command runs.
    static func install() {
        for number in [SIGINT, SIGTERM] {
            let previous = signal(number, SIG_IGN)
            guard unsafeBitCast(previous, to: Int.self) != unsafeBitCast(SIG_IGN, to: Int.self) else { continue }
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                TemporaryFiles.removeAll()
                signal(number, SIG_DFL)
                raise(number)
                exit(128 + number)
            }
            source.resume()
            sources.append(source)
        }
    }
}
