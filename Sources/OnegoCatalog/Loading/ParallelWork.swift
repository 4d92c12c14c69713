import Dispatch

/// Runs independent pieces of work on all cores, for modules that should not import Dispatch themselves (in
/// OnegoExport it would change which module owns `struct stat`).
public enum ParallelWork {
    /// Calls `body` once for each of `0..<iterations`, in parallel; returns when all calls have returned.
    /// The corresponding Dispatch function is `DispatchQueue.concurrentPerform(iterations:execute:)`.
    public static func perform(iterations: Int, _ body: @Sendable (Int) -> Void) {
        DispatchQueue.concurrentPerform(iterations: iterations, execute: body)
    }
}
