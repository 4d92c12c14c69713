/// For each text, its postings (``SearchIndex/Posting``), all in one buffer: text `t`'s are
/// `entries[starts[t]..<starts[t + 1]]`.
///
/// A word of common characters (a district's name, a short syllable) reaches thousands of texts; with one array per
/// text, reading each text's postings began with a cache miss on that array's header. Here a word's texts, taken in
/// increasing order, read one buffer from front to back.
struct PostingTable: Sendable {
    private let starts: [Int32]
    private let entries: [SearchIndex.Posting]

    /// The postings of each text, `lists[t]` for text `t`.
    init(_ lists: [[SearchIndex.Posting]]) {
        var starts: [Int32] = [0]
        starts.reserveCapacity(lists.count + 1)
        var entries: [SearchIndex.Posting] = []
        entries.reserveCapacity(lists.reduce(0) { $0 + $1.count })
        for list in lists {
            entries += list
            starts.append(Int32(entries.count))
        }
        self.starts = starts
        self.entries = entries
    }

    /// The number of texts.
    var count: Int { starts.count - 1 }

    /// Text `text`'s postings.
    subscript(text: Int32) -> ArraySlice<SearchIndex.Posting> {
        entries[Int(starts[Int(text)])..<Int(starts[Int(text) + 1])]
    }

    /// Calls `body` with the table's buffers (read without retaining the table per text).
    func withBuffers<Result>(_ body: (Buffers) throws -> Result) rethrows -> Result {
        try starts.withUnsafeBufferPointer { starts in
            try entries.withUnsafeBufferPointer { entries in try body(Buffers(starts: starts, entries: entries)) }
        }
    }

    /// The table over its buffers, valid inside ``PostingTable/withBuffers(_:)``.
    struct Buffers {
        let starts: UnsafeBufferPointer<Int32>
        let entries: UnsafeBufferPointer<SearchIndex.Posting>

        /// The number of postings of text `text`.
        @inline(__always)
        func count(of text: Int32) -> Int {
            Int(starts[Int(text) + 1] - starts[Int(text)])
        }

        /// Text `text`'s postings.
        @inline(__always)
        subscript(text: Int32) -> UnsafeBufferPointer<SearchIndex.Posting> {
            UnsafeBufferPointer(rebasing: entries[Int(starts[Int(text)])..<Int(starts[Int(text) + 1])])
        }
    }
}
