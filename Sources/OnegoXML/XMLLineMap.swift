/// Maps the lines of a document the parser reads to the lines of the file it was made from, when whole lines of the
/// file were left out (a cached load re-parses only the changed items of a file: the unchanged items' lines are
/// removed, and every location the parse reports must still name the file's own line).
///
/// Each removal adds to the line of everything after it: a document line `d` is the file's line `d + offset`, where
/// `offset` is the lines removed before `d`. Columns are unchanged, since only whole lines are removed.
public struct XMLLineMap: Sendable, Hashable {
    /// The first document line of each run of lines after a removal, ascending.
    private var starts: [Int] = []
    /// The lines removed before each of `starts` (non-decreasing).
    private var offsets: [Int] = []
    /// The lines removed so far.
    public private(set) var removedLines = 0

    /// A map that removes nothing.
    public init() {}

    /// Records that `count` lines of the file starting at its line `fileLine` are left out of the document; calls
    /// must come in file order, for removals that do not overlap.
    public mutating func remove(lines count: Int, atFileLine fileLine: Int) {
        guard count > 0 else { return }
        let start = fileLine - removedLines
        removedLines += count
        if let last = starts.last, last == start {
            offsets[offsets.count - 1] = removedLines
        } else {
            starts.append(start)
            offsets.append(removedLines)
        }
    }

    /// The file's line for the document's line `line`.
    public func fileLine(_ line: Int) -> Int {
        var low = 0
        var high = starts.count
        // The number of starts at or before `line`.
        while low < high {
            let mid = (low + high) / 2
            if starts[mid] <= line { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? line : line + offsets[low - 1]
    }

    /// The document's line showing the file's line `line`, or `nil` when that line was left out.
    public func documentLine(_ line: Int) -> Int? {
        var index = starts.count - 1
        while index >= 0 {
            let candidate = line - offsets[index]
            if candidate >= starts[index] {
                // Past the next run's start: the line is one of the removed lines before that run.
                return index == starts.count - 1 || candidate < starts[index + 1] ? candidate : nil
            }
            index -= 1
        }
        return line < (starts.first ?? Int.max) ? line : nil
    }
}
