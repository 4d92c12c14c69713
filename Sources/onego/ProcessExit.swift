/// Values a command is done with just before it exits, left for the operating system to take back with the process
/// instead of being freed one allocation at a time (a catalog of 100,000 items is millions of them).
enum ProcessExit {
    private final class Box<Value> {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    /// Keeps `value` until the process exits. Only for a command's last steps: nothing left here is ever freed.
    static func leave<Value>(_ value: Value) {
        _ = Unmanaged.passRetained(Box(value))
    }
}
