extension Dictionary {
    /// The value for `key`, after storing `value` for it when it had none: one look-up of the key either way (a
    /// lookup and then an insertion would hash it twice). Whether `value` was stored.
    @inlinable
    public mutating func firstValue(_ value: Value, forKey key: Key) -> (value: Value, isNew: Bool) {
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
