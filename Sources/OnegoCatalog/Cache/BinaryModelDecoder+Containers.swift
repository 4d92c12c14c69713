/// A keyed container of ``BinaryModelDecoder``: entries must come in the order they were written; an optional
/// key whose tag is not next is absent.
struct BinaryKeyedDecoder<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let state: BinaryDecodingState
    let level: Int
    var codingPath: [any CodingKey] { [] }

    /// Dictionaries list their keys; this form cannot, so decoding fails (the file is parsed instead).
    var allKeys: [Key] {
        state.failure = state.failure ?? "dictionaries are not supported"
        return []
    }

    @inline(__always)
    private func matches(_ tag: UInt64, _ key: Key) -> Bool {
        guard tag != 0 else { return false }
        let index = (tag - 1) >> 1
        return index < UInt64(state.strings.count) && state.strings[Int(index)] == key.stringValue
    }

    func contains(_ key: Key) -> Bool {
        guard (try? state.check(level)) != nil, let (tag, _) = try? state.peekVarint() else { return false }
        return matches(tag, key)
    }

    /// Consumes the key's tag, which must be next and not nil.
    @inline(__always)
    private func take(_ key: Key) throws {
        try state.check(level)
        let (tag, end) = try state.peekVarint()
        guard matches(tag, key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "not next in the cache"))
        }
        guard (tag - 1) & 1 == 0 else {
            throw DecodingError.valueNotFound(Any.self, .init(codingPath: [key], debugDescription: "nil"))
        }
        state.cursor = end
    }

    /// Consumes the key's tag when it is next: `true` for a value, `false` for an absent key or a nil.
    @inline(__always)
    private func takeIfPresent(_ key: Key) throws -> Bool {
        try state.check(level)
        let (tag, end) = try state.peekVarint()
        guard matches(tag, key) else { return false }
        state.cursor = end
        return (tag - 1) & 1 == 0
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        try state.check(level)
        let (tag, end) = try state.peekVarint()
        guard matches(tag, key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "not next in the cache"))
        }
        guard (tag - 1) & 1 == 1 else { return false }
        state.cursor = end
        return true
    }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        try take(key)
        return try state.bool()
    }
    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        try take(key)
        return try state.string()
    }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
        try take(key)
        return Double(bitPattern: try state.fixed64())
    }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
        try take(key)
        return Float(bitPattern: try state.fixed32())
    }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
        try take(key)
        return try state.integer(Int.self)
    }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 {
        try take(key)
        return try state.integer(Int8.self)
    }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 {
        try take(key)
        return try state.integer(Int16.self)
    }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 {
        try take(key)
        return try state.integer(Int32.self)
    }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 {
        try take(key)
        return try state.signed()
    }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt {
        try take(key)
        return try state.integer(UInt.self)
    }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 {
        try take(key)
        return try state.integer(UInt8.self)
    }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 {
        try take(key)
        return try state.integer(UInt16.self)
    }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 {
        try take(key)
        return try state.integer(UInt32.self)
    }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 {
        try take(key)
        return try state.varint()
    }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try take(key)
        return try state.decodeNested(T.self)
    }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        try takeIfPresent(key) ? try state.bool() : nil
    }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        try takeIfPresent(key) ? try state.string() : nil
    }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
        try takeIfPresent(key) ? Double(bitPattern: try state.fixed64()) : nil
    }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        try takeIfPresent(key) ? try state.integer(Int.self) : nil
    }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try takeIfPresent(key) ? try state.decodeNested(T.self) : nil
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        throw BinaryCodingError("nested containers are not supported")
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        throw BinaryCodingError("nested containers are not supported")
    }
    func superDecoder() throws -> any Decoder { throw BinaryCodingError("super decoders are not supported") }
    func superDecoder(forKey key: Key) throws -> any Decoder {
        throw BinaryCodingError("super decoders are not supported")
    }
}

/// An unkeyed container of ``BinaryModelDecoder``.
struct BinaryUnkeyedDecoder: UnkeyedDecodingContainer {
    let state: BinaryDecodingState
    let level: Int
    let count: Int?
    var currentIndex = 0
    var codingPath: [any CodingKey] { [] }
    var isAtEnd: Bool { currentIndex >= (count ?? 0) }

    init(state: BinaryDecodingState, level: Int, count: Int) {
        self.state = state
        self.level = level
        self.count = count
    }

    @inline(__always)
    private mutating func next() throws {
        try state.check(level)
        guard currentIndex < (count ?? 0) else { throw BinaryCodingError("read past an unkeyed container's end") }
        currentIndex += 1
        state.frames[level].remaining -= 1
    }

    mutating func decodeNil() throws -> Bool { false }
    mutating func decode(_ type: Bool.Type) throws -> Bool {
        try next()
        return try state.bool()
    }
    mutating func decode(_ type: String.Type) throws -> String {
        try next()
        return try state.string()
    }
    mutating func decode(_ type: Double.Type) throws -> Double {
        try next()
        return Double(bitPattern: try state.fixed64())
    }
    mutating func decode(_ type: Float.Type) throws -> Float {
        try next()
        return Float(bitPattern: try state.fixed32())
    }
    mutating func decode(_ type: Int.Type) throws -> Int {
        try next()
        return try state.integer(Int.self)
    }
    mutating func decode(_ type: Int8.Type) throws -> Int8 {
        try next()
        return try state.integer(Int8.self)
    }
    mutating func decode(_ type: Int16.Type) throws -> Int16 {
        try next()
        return try state.integer(Int16.self)
    }
    mutating func decode(_ type: Int32.Type) throws -> Int32 {
        try next()
        return try state.integer(Int32.self)
    }
    mutating func decode(_ type: Int64.Type) throws -> Int64 {
        try next()
        return try state.signed()
    }
    mutating func decode(_ type: UInt.Type) throws -> UInt {
        try next()
        return try state.integer(UInt.self)
    }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 {
        try next()
        return try state.integer(UInt8.self)
    }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 {
        try next()
        return try state.integer(UInt16.self)
    }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 {
        try next()
        return try state.integer(UInt32.self)
    }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 {
        try next()
        return try state.varint()
    }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try next()
        return try state.decodeNested(T.self)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws -> KeyedDecodingContainer<NestedKey> {
        throw BinaryCodingError("nested containers are not supported")
    }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw BinaryCodingError("nested containers are not supported")
    }
    mutating func superDecoder() throws -> any Decoder { throw BinaryCodingError("super decoders are not supported") }
}

/// The single-value container of ``BinaryModelDecoder``.
struct BinarySingleDecoder: SingleValueDecodingContainer {
    let state: BinaryDecodingState
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { false }
    func decode(_ type: Bool.Type) throws -> Bool { try state.bool() }
    func decode(_ type: String.Type) throws -> String { try state.string() }
    func decode(_ type: Double.Type) throws -> Double { Double(bitPattern: try state.fixed64()) }
    func decode(_ type: Float.Type) throws -> Float { Float(bitPattern: try state.fixed32()) }
    func decode(_ type: Int.Type) throws -> Int { try state.integer(Int.self) }
    func decode(_ type: Int8.Type) throws -> Int8 { try state.integer(Int8.self) }
    func decode(_ type: Int16.Type) throws -> Int16 { try state.integer(Int16.self) }
    func decode(_ type: Int32.Type) throws -> Int32 { try state.integer(Int32.self) }
    func decode(_ type: Int64.Type) throws -> Int64 { try state.signed() }
    func decode(_ type: UInt.Type) throws -> UInt { try state.integer(UInt.self) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try state.integer(UInt8.self) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try state.integer(UInt16.self) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try state.integer(UInt32.self) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try state.varint() }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try state.decodeNested(T.self) }
}
