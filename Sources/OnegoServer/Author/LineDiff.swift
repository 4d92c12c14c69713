/// A line diff (longest common subsequence) between the file on disk and the text about to replace it, shown before
/// the matter author saves.
enum LineDiff {
    /// One line of the diff.
    enum Line: Equatable, Sendable {
        case same(String)
        case removed(String)
        case added(String)
    }

    /// The lines of `old` and `new` as kept, removed and added, in order.
    static func lines(from old: String, to new: String) -> [Line] {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Common prefix and suffix first: edits are usually small, and the table stays small.
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
            suffix += 1
        }
        let x = Array(a[prefix..<(a.count - suffix)])
        let y = Array(b[prefix..<(b.count - suffix)])
        var table = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in stride(from: x.count - 1, through: 0, by: -1) {
            for j in stride(from: y.count - 1, through: 0, by: -1) {
                table[i][j] = x[i] == y[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var result = a[..<prefix].map { Line.same($0) }
        var (i, j) = (0, 0)
        while i < x.count || j < y.count {
            if i < x.count, j < y.count, x[i] == y[j] {
                result.append(.same(x[i]))
                (i, j) = (i + 1, j + 1)
            } else if j < y.count, i == x.count || table[i][j + 1] >= table[i + 1][j] {
                result.append(.added(y[j]))
                j += 1
            } else {
                result.append(.removed(x[i]))
                i += 1
            }
        }
        result += a[(a.count - suffix)...].map { Line.same($0) }
        return result
    }

    /// Whether the two texts differ at all.
    static func changes(_ lines: [Line]) -> Int {
        lines.filter { if case .same = $0 { false } else { true } }.count
    }
}
