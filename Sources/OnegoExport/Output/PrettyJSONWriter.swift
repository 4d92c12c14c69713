import Foundation
import OnegoBase

/// Writes JSON text byte for byte in the layout of `JSONEncoder` with `.prettyPrinted`, `.sortedKeys` and
/// `.withoutEscapingSlashes`, without building an encoder's boxed values first.
///
/// The layout: two spaces per level, `"key" : value`, elements and members each on their own line, an empty array
/// or object as its bracket, an empty line and the closing bracket; strings escape only the quote, the backslash and
/// control characters (the short forms `\b \f \n \r \t`, others as `\u00xx`); numbers as Swift's `description` less a
/// trailing `.0`. Keys are written in the order given: the caller gives them sorted by their UTF-8 bytes (the
/// encoder's order), which ``sortedKeys(_:)`` does for keys known only at run time.
///
/// A writer made with ``init(streamingTo:chunk:)`` hands its text to a sink a chunk at a time (about `chunk` bytes,
/// cut between values or inside a value written beforehand) instead of keeping all of it: a large document then never
/// lives in memory whole.
struct PrettyJSONWriter {
    /// The text written so far (with a sink: since the last chunk handed over).
    private(set) var bytes: [UInt8] = []
    /// Where chunks go, for a streaming writer.
    private var sink: ((UnsafeRawBufferPointer) -> Void)?
    /// The size at which ``bytes`` is handed to the sink (never reached without one).
    private var chunkSize = Int.max
    /// Per open container: whether it is an array, and how many elements or members it has so far.
    private var open: [(isArray: Bool, count: Int)] = []
    /// Set when a number was not finite: the encoder refuses such a value, and so does ``CompositionJSON``.
    private var nonConforming: Double?

    init(capacity: Int = 4_096) {
        bytes.reserveCapacity(capacity)
        open.reserveCapacity(8)
    }

    /// A writer of one value as it is written inside `depth` open containers, without the separator and indentation
    /// before it: the bytes ``value(_:)`` puts in such a place (for values made once and kept).
    init(depth: Int, capacity: Int = 4_096) {
        self.init(capacity: capacity)
        open = Array(repeating: (false, 1), count: depth)
    }

    /// A writer that hands its text to `sink` in chunks of about `chunk` bytes (at the start of a value or member
    /// once that many are waiting), and the rest on ``finish()``.
    init(streamingTo sink: @escaping (UnsafeRawBufferPointer) -> Void, chunk: Int = 1 << 20) {
        self.init(capacity: chunk + 64 * 1_024)
        self.sink = sink
        chunkSize = chunk
    }

    /// Hands what is waiting to the sink (nothing without one).
    mutating func finish() {
        guard let sink, !bytes.isEmpty else { return }
        bytes.withUnsafeBytes { sink($0) }
        bytes.removeAll(keepingCapacity: true)
    }

    /// The number of containers open.
    var depth: Int { open.count }

    /// A number written that was not finite (NaN or an infinity, which JSON cannot hold): the text is then not
    /// JSON, and the caller refuses it as the encoder did.
    var nonConformingNumber: Double? { nonConforming }

    // MARK: Containers

    mutating func beginObject() {
        beginValue()
        bytes.append(UInt8(ascii: "{"))
        open.append((false, 0))
    }

    mutating func endObject() { close(UInt8(ascii: "}")) }

    mutating func beginArray() {
        beginValue()
        bytes.append(UInt8(ascii: "["))
        open.append((true, 0))
    }

    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Starts a member of the open object: the separator, the indentation, the quoted key and ` : `.
    mutating func key(_ name: StaticString) {
        startMember()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        append("\" : ")
    }

    /// Starts a member whose key is known only at run time (escaped like any string).
    mutating func key(_ name: String) {
        startMember()
        writeString(name)
        append(" : ")
    }

    /// Keys in the encoder's order (ascending UTF-8 bytes).
    static func sortedKeys(_ keys: some Sequence<String>) -> [String] {
        keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    // MARK: Values

    mutating func string(_ text: String) {
        beginValue()
        writeString(text)
    }

    mutating func int(_ value: Int) {
        beginValue()
        append(String(value))
    }

    mutating func bool(_ value: Bool) {
        beginValue()
        append(value ? "true" : "false")
    }

    mutating func null() {
        beginValue()
        append("null")
    }

    /// A number as the encoder writes a `Double`: its `description`, less a trailing `.0` (`3`, `0.25`, `1e+16`).
    mutating func number(_ value: Double) {
        beginValue()
        guard value.isFinite else {
            nonConforming = nonConforming ?? value
            append("null")
            return
        }
        let text = value.description
        append(text.hasSuffix(".0") ? String(text.dropLast(2)) : text)
    }

    /// A number already in its JSON form (`120`, `49.5`).
    mutating func rawNumber(_ text: String) {
        beginValue()
        append(text)
    }

    /// A value as `JSONEncoder` writes it with the same options, indented to the depth where it goes (for the small
    /// parts of a document written mostly by hand).
    mutating func embed(_ value: some Encodable) throws {
        embed(encoded: try Self.encoded(value))
    }

    /// The encoder's text of `value` (with the options of ``embed(_:)``), for ``embed(encoded:)`` later: a document
    /// that must not be refused after its first bytes went out encodes its parts first.
    static func encoded(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    /// A value's text from ``encoded(_:)``, indented to the depth where it goes.
    mutating func embed(encoded data: Data) {
        beginValue()
        let depth = open.count
        data.withUnsafeBytes { raw in
            let text = raw.bindMemory(to: UInt8.self)
            // No reserveCapacity here: it grows the buffer to exactly what is asked, so a document of many embedded
            // parts would be copied whole for each one; appending grows it geometrically.
            for (offset, byte) in text.enumerated() {
                bytes.append(byte)
                // Every line but the empty line of an empty container is indented by the depth.
                if byte == UInt8(ascii: "\n"), offset + 1 < text.count, text[offset + 1] != UInt8(ascii: "\n") {
                    indent(depth)
                }
            }
        }
    }

    /// A value already written by a writer of the same depth (``init(depth:capacity:)``).
    mutating func value(_ written: ArraySlice<UInt8>) {
        beginValue()
        bytes.append(contentsOf: written)
    }

    /// A value already written by a writer of the same depth. Streaming, a long one tops the waiting text up to a
    /// chunk and goes to the sink from there a chunk at a time as it is, not copied (chunks then end inside it).
    mutating func value(handingOver written: [UInt8]) {
        beginValue()
        guard let sink, bytes.count + written.count >= chunkSize else {
            bytes += written
            return
        }
        var start = max(0, chunkSize - bytes.count)
        bytes += written[..<start]
        finish()
        written.withUnsafeBytes { all in
            while written.count - start >= chunkSize {
                sink(UnsafeRawBufferPointer(rebasing: all[start..<start + chunkSize]))
                start += chunkSize
            }
        }
        bytes += written[start...]
    }

    /// An array of strings.
    mutating func strings(_ list: [String]) {
        beginArray()
        for text in list { string(text) }
        endArray()
    }

    // MARK: Layout

    /// Before a value: inside an array, the separator and the indentation of a new element.
    private mutating func beginValue() {
        if bytes.count >= chunkSize { finish() }
        guard let last = open.indices.last, open[last].isArray else { return }
        newLine(first: open[last].count == 0)
        open[last].count += 1
    }

    private mutating func startMember() {
        if bytes.count >= chunkSize { finish() }
        guard let last = open.indices.last else { return }
        newLine(first: open[last].count == 0)
        open[last].count += 1
    }

    private mutating func newLine(first: Bool) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\n"))
        indent(open.count)
    }

    private mutating func close(_ bracket: UInt8) {
        guard let container = open.popLast() else { return }
        bytes.append(UInt8(ascii: "\n"))
        if container.count == 0 { bytes.append(UInt8(ascii: "\n")) }
        indent(open.count)
        bytes.append(bracket)
    }

    private mutating func indent(_ level: Int) {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
    }

    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// A quoted string, as the encoder writes it (``JSONStringBytes``).
    private mutating func writeString(_ text: String) {
        JSONStringBytes.append(text, to: &bytes)
    }
}
