import Foundation

/// A value shared between threads, reached only inside ``withLock(_:)``.
///
/// The one lock-guarded box of the package (`Synchronization.Mutex` needs macOS 15; the package supports 14).
/// Keep the closure short and never call out of it (a callback, a display, another lock): compute under the lock,
/// act after it.
///
/// ```swift
/// let seen = Locked<[String]>([])
/// seen.withLock { $0.append("许可证") }
/// ```
public final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    /// Creates a box holding `value`.
    public init(_ value: Value) { self.value = value }

    /// Runs `body` with exclusive access to the value and returns what it returns.
    public func withLock<Result, Failure: Error>(_ body: (inout Value) throws(Failure) -> Result) throws(Failure)
        -> Result
    {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }

    /// A copy of the value.
    public var current: Value { withLock { $0 } }
}
