/// The normalized scalars of every indexed text in one buffer, in text order.
///
/// A query word of common characters checks thousands of texts for its scalars (every department text holds the
/// district's name); with one array per text each check began with a cache miss on that array's header (three
/// fifths of the text matching of `云溪区` at 100k items). Here the texts a word reaches, read in increasing order,
/// lie in one buffer the processor reads ahead.
struct TextScalarStore: Sendable {
    /// Text `t`'s scalars are `values[starts[t]..<starts[t + 1]]`.
    private let starts: [Int32]
    private let values: [UInt32]

    init(_ texts: [SearchText]) {
        var starts: [Int32] = [0]
        starts.reserveCapacity(texts.count + 1)
        var values: [UInt32] = []
        values.reserveCapacity(texts.reduce(0) { $0 + $1.scalars.count })
        for text in texts {
            values += text.scalars
            starts.append(Int32(values.count))
        }
        self.starts = starts
        self.values = values
    }

    /// Calls `body` with the store's buffers (read without retaining the arrays per text).
    func withTexts<Result>(_ body: (Texts) -> Result) -> Result {
        starts.withUnsafeBufferPointer { starts in
            values.withUnsafeBufferPointer { values in body(Texts(starts: starts, values: values)) }
        }
    }

    /// The store's texts over its buffers, valid inside ``TextScalarStore/withTexts(_:)``.
    struct Texts {
        let starts: UnsafeBufferPointer<Int32>
        let values: UnsafeBufferPointer<UInt32>

        /// The scalars of text `text`.
        @inline(__always)
        func scalars(_ text: Int32) -> UnsafeBufferPointer<UInt32> {
            UnsafeBufferPointer(rebasing: values[Int(starts[Int(text)])..<Int(starts[Int(text) + 1])])
        }

        /// ``SearchText/directScore(_:)`` of `query` in text `text`.
        @inline(__always)
        func directScore(_ query: UnsafeBufferPointer<UInt32>, in text: Int32) -> Double? {
            SearchText.directScore(of: query, in: scalars(text))
        }
    }
}
