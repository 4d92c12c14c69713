extension UnsafeMutablePointer {
    /// Moves the first `count` elements of this block into a new one of at least `needed` elements (`capacity`
    /// doubled until it holds them), frees this block and returns the new one, `capacity` set to its size: the
    /// growth step of the loaders' raw buffers (texts, interned bytes).
    @inlinable
    public func grown(keeping count: Int, capacity: inout Int, toHold needed: Int) -> UnsafeMutablePointer<Pointee> {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let grown = UnsafeMutablePointer<Pointee>.allocate(capacity: newCapacity)
        grown.moveInitialize(from: self, count: count)
        deallocate()
        capacity = newCapacity
        return grown
    }
}
