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
/// safe), not by a C signal handler. A signal that was ignored when onego started (`nohup`, `&` in a script) stays
/// ignored.
enum InterruptCleanup {
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    /// Installs the handlers; call once, before any command runs.
    static func install() {
        // A parent may start onego with these blocked (threads of a thread pool often have them blocked, and a spawned
        // child inherits the mask); the run handles them, so it takes them.
        var handled = sigset_t()
        sigemptyset(&handled)
        sigaddset(&handled, SIGINT)
        sigaddset(&handled, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &handled, nil)
        for number in [SIGINT, SIGTERM] {
            let previous = signal(number, SIG_IGN)
            guard unsafeBitCast(previous, to: Int.self) != unsafeBitCast(SIG_IGN, to: Int.self) else { continue }
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                TemporaryFiles.removeAll()
                // End as killed by the signal: restore its default action and send it to the process (dispatch's
                // threads block it, the main thread takes it); exit with 128 + N should that not happen at once.
                signal(number, SIG_DFL)
                kill(getpid(), number)
                sleep(1)
                exit(128 + number)
            }
            source.resume()
            sources.append(source)
        }
    }
}
