extension Dictionary {
    /// Stores `value` for `key` when the key has no value yet; returns the value the key then has (the earlier one,
    /// or `value`) and whether `value` was stored. One look-up of the key either way (a look-up and then an
    /// insertion would hash it twice).
    @inlinable
    @discardableResult
    public mutating func insertIfAbsent(_ value: Value, forKey key: Key) -> (value: Value, isNew: Bool) {
        var isNew = false
        func read(_ stored: inout Value) -> Value { stored }
        let stored = read(
            &self[
                key,
                default: {
                    isNew = true
                    return value
                }()
            ])
        return (stored, isNew)
    }
}
