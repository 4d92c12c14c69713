import OnegoBase

/// The character data of the element being read, gathered across libxml2's runs in one reused block of raw
/// storage: appending is a copy and clearing sets a count, where an `[UInt8]` paid its generic append and
/// `removeLast` on every run and every tag. Used when the reader is driven through ``XMLContentHandler``'s
/// per-run `characters` calls; a slotted parse gathers the text itself (``XMLSlottedContentHandler``).
struct TextBuffer: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// How many bytes are held.
    private(set) var count = 0

    init() {
        capacity = 256
        start = .allocate(capacity: capacity)
    }

    deinit { start.deallocate() }

    /// The bytes held, to be read (and changed in place) until the next change.
    var elementText: ElementText { ElementText(start: start, count: count) }

    /// Appends a run of bytes.
    @inline(__always)
    mutating func append(_ run: UnsafeBufferPointer<UInt8>) {
        guard let source = run.baseAddress, !run.isEmpty else { return }
        if count + run.count > capacity { grow(toHold: count + run.count) }
        (start + count).update(from: source, count: run.count)
        count += run.count
    }

    /// Empties the buffer, keeping its storage.
    @inline(__always)
    mutating func clear() { count = 0 }

    private mutating func grow(toHold needed: Int) {
        start = start.grown(keeping: count, capacity: &capacity, toHold: needed)
    }
}
