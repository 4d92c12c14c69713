/// Writes to a file descriptor the way the output writers do, for the CLI's standard output and error.
public enum DescriptorWriter {
    /// Writes all of `bytes` to `descriptor`, retrying after signals and short writes; returns 0 or the `errno`.
    /// The corresponding POSIX function is `write(2)`.
    public static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
        SystemCalls.writeAll(descriptor, bytes)
    }
}
