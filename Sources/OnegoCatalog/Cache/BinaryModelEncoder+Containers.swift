/// A keyed container of ``BinaryModelEncoder``: each entry is a tag followed by the value.
struct BinaryKeyedEncoder<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let state: BinaryEncodingState
    let level: Int
    var codingPath: [any CodingKey] { [] }

    @inline(__always)
    private func begin(_ key: Key) {
        state.check(level)
        state.key(key)
    }

    mutating func encodeNil(forKey key: Key) throws {
        state.check(level)
        state.key(key, isNil: true)
    }
    mutating func encode(_ value: Bool, forKey key: Key) throws {
        begin(key)
        state.write(value)
    }
    mutating func encode(_ value: String, forKey key: Key) throws {
        begin(key)
        state.string(value)
    }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        begin(key)
        state.write(value)
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        begin(key)
        state.write(value)
    }
    mutating func encode(_ value: Int, forKey key: Key) throws {
        begin(key)
        state.write(Int64(value))
    }
    mutating func encode(_ value: Int8, forKey key: Key) throws {
        begin(key)
        state.write(Int64(value))
    }
    mutating func encode(_ value: Int16, forKey key: Key) throws {
        begin(key)
        state.write(Int64(value))
    }
    mutating func encode(_ value: Int32, forKey key: Key) throws {
        begin(key)
        state.write(Int64(value))
    }
    mutating func encode(_ value: Int64, forKey key: Key) throws {
        begin(key)
        state.write(value)
    }
    mutating func encode(_ value: UInt, forKey key: Key) throws {
        begin(key)
        state.write(UInt64(value))
    }
    mutating func encode(_ value: UInt8, forKey key: Key) throws {
        begin(key)
        state.write(UInt64(value))
    }
    mutating func encode(_ value: UInt16, forKey key: Key) throws {
        begin(key)
        state.write(UInt64(value))
    }
    mutating func encode(_ value: UInt32, forKey key: Key) throws {
        begin(key)
        state.write(UInt64(value))
    }
    mutating func encode(_ value: UInt64, forKey key: Key) throws {
        begin(key)
        state.write(value)
    }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        begin(key)
        try state.encodeNested(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        state.fail("nested containers are not supported")
        return KeyedEncodingContainer(BinaryKeyedEncoder<NestedKey>(state: state, level: level))
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        state.fail("nested containers are not supported")
        return BinaryUnkeyedEncoder(state: state, level: level)
    }
    mutating func superEncoder() -> any Encoder {
        state.fail("super encoders are not supported")
        return state
    }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        state.fail("super encoders are not supported")
        return state
    }
}

/// An unkeyed container of ``BinaryModelEncoder``: the count (patched when it closes), then the elements.
struct BinaryUnkeyedEncoder: UnkeyedEncodingContainer {
    let state: BinaryEncodingState
    let level: Int
    var codingPath: [any CodingKey] { [] }
    var count: Int { Int(state.frames[level].count) }

    @inline(__always)
    private func begin() {
        state.check(level)
        state.frames[level].count += 1
    }

    mutating func encodeNil() throws { throw BinaryCodingError("nil in an unkeyed container is not supported") }
    mutating func encode(_ value: Bool) throws {
        begin()
        state.write(value)
    }
    mutating func encode(_ value: String) throws {
        begin()
        state.string(value)
    }
    mutating func encode(_ value: Double) throws {
        begin()
        state.write(value)
    }
    mutating func encode(_ value: Float) throws {
        begin()
        state.write(value)
    }
    mutating func encode(_ value: Int) throws {
        begin()
        state.write(Int64(value))
    }
    mutating func encode(_ value: Int8) throws {
        begin()
        state.write(Int64(value))
    }
    mutating func encode(_ value: Int16) throws {
        begin()
        state.write(Int64(value))
    }
    mutating func encode(_ value: Int32) throws {
        begin()
        state.write(Int64(value))
    }
    mutating func encode(_ value: UInt) throws {
        begin()
        state.write(UInt64(value))
    }
    mutating func encode(_ value: UInt8) throws {
        begin()
        state.write(UInt64(value))
    }
    mutating func encode(_ value: UInt16) throws {
        begin()
        state.write(UInt64(value))
    }
    mutating func encode(_ value: UInt32) throws {
        begin()
        state.write(UInt64(value))
    }
    mutating func encode(_ value: Int64) throws {
        begin()
        state.write(value)
    }
    mutating func encode(_ value: UInt64) throws {
        begin()
        state.write(value)
    }
    mutating func encode<T: Encodable>(_ value: T) throws {
        begin()
        try state.encodeNested(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type
    ) -> KeyedEncodingContainer<NestedKey> {
        state.fail("nested containers are not supported")
        return KeyedEncodingContainer(BinaryKeyedEncoder<NestedKey>(state: state, level: level))
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        state.fail("nested containers are not supported")
        return self
    }
    mutating func superEncoder() -> any Encoder {
        state.fail("super encoders are not supported")
        return state
    }
}

/// The single-value container of ``BinaryModelEncoder``: the value, without framing.
struct BinarySingleEncoder: SingleValueEncodingContainer {
    let state: BinaryEncodingState
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { throw BinaryCodingError("a nil single value is not supported") }
    mutating func encode(_ value: Bool) throws { state.write(value) }
    mutating func encode(_ value: String) throws { state.string(value) }
    mutating func encode(_ value: Double) throws { state.write(value) }
    mutating func encode(_ value: Float) throws { state.write(value) }
    mutating func encode(_ value: Int) throws { state.write(Int64(value)) }
    mutating func encode(_ value: Int8) throws { state.write(Int64(value)) }
    mutating func encode(_ value: Int16) throws { state.write(Int64(value)) }
    mutating func encode(_ value: Int32) throws { state.write(Int64(value)) }
    mutating func encode(_ value: Int64) throws { state.write(value) }
    mutating func encode(_ value: UInt) throws { state.write(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { state.write(UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { state.write(UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { state.write(UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { state.write(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try state.encodeNested(value) }
}
