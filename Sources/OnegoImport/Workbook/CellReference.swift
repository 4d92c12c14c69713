/// A cell address such as `B7`: column letters and a 1-based row.
public struct CellReference: Sendable, Hashable {
    /// The 1-based column (A = 1).
    public var column: Int
    /// The 1-based row.
    public var row: Int

    /// Creates a reference.
    public init(column: Int, row: Int) {
        self.column = column
        self.row = row
    }

    /// Parses `B7`; `nil` when malformed.
    public init?(_ text: String) { self.init(utf8: text.utf8) }

    /// Parses the UTF-8 bytes of `B7` (an attribute value as the parser hands it over); `nil` when malformed.
    init?(utf8: some Sequence<UInt8>) {
        var column = 0
        var row = 0
        var seenDigit = false
        for byte in utf8 {
            switch byte {
            case 65...90 where !seenDigit: column = column * 26 + Int(byte - 64)
            case 97...122 where !seenDigit: column = column * 26 + Int(byte - 96)
            case 48...57:
                seenDigit = true
                row = row * 10 + Int(byte - 48)
            case 36: continue
            default: return nil
            }
            if column > 16_384 || row > 1_048_576 { return nil }
        }
        guard column > 0, row > 0 else { return nil }
        self.column = column
        self.row = row
    }

    /// The column's letters (1 → A, 27 → AA).
    public static func letters(_ column: Int) -> String {
        var n = column
        var result: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            result.insert(Character(Unicode.Scalar(UInt8(65 + r))), at: 0)
            n = (n - 1) / 26
        }
        return String(result)
    }

    /// `B7`.
    public var text: String { Self.letters(column) + String(row) }
}
