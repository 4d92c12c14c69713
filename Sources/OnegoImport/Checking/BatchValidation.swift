import OnegoBase
import OnegoCatalog

/// Checks imported items against the catalog schema and the loader's own checks many at a time: a batch of items
/// of one file (``ItemCheckStream``) is written as one document under that file's header, the document is
/// loaded once with the validating loader, and every problem is traced back to its item by line. Items with a
/// rejecting problem are left out and the rest of that document is checked again, so every item accepted was
/// validated in the very bytes the file will hold. A problem that cannot be placed on an item (it should not
/// happen) makes that document's items be checked one by one.
struct BatchValidation: Sendable {
    let loader: CatalogLoader
    /// Whether a problem rejects its item (others are kept as notes of the import).
    let rejects: @Sendable (Diagnostic) -> Bool

    /// A problem found on an item, with the material or result element it was found in, when it was.
    struct Problem: Sendable {
        var diagnostic: Diagnostic
        var child: ChildElement?
    }

    /// The problems of each item of one batch (by position in `fragments`), written under `header`: the batch is
    /// loaded as one document, and again without the rejected items until a document passes.
    func check(_ fragments: [ItemFragment], header: [UInt8]) -> [[Problem]] {
        var found = [[Problem]](repeating: [], count: fragments.count)
        var pending = Array(fragments.indices)
        while !pending.isEmpty {
            let document = Self.document(pending.map { fragments[$0] }, header: header)
            let loaded = loader.load(bytes: document.bytes, name: "import-check.xml")
            var rejected: Set<Int> = []
            var isPlaced = true
            for problem in loaded.diagnostics where problem.severity != .note {
                guard let line = problem.location?.line, let at = document.item(atLine: line) else {
                    isPlaced = false
                    break
                }
                let index = pending[at]
                if !found[index].contains(where: {
                    $0.diagnostic.rule == problem.rule && $0.diagnostic.message == problem.message
                }) {
                    found[index].append(Problem(diagnostic: problem, child: document.child(of: at, atLine: line)))
                }
                if rejects(problem) { rejected.insert(index) }
            }
            // Every item is read back when none is rejected (a rejected item may have been left out).
            if rejected.isEmpty && loaded.catalog.items.count != pending.count { isPlaced = false }
            if !isPlaced {
                for index in pending { found[index] = checkAlone(fragments[index], header: header) }
                break
            }
            if rejected.isEmpty { break }
            pending.removeAll { rejected.contains($0) }
        }
        return found
    }

    /// The fallback: an item in a document of its own (its problems are then its own whatever their line).
    private func checkAlone(_ fragment: ItemFragment, header: [UInt8]) -> [Problem] {
        let document = Self.document([fragment], header: header)
        return loader.load(bytes: document.bytes, name: "import-check.xml").diagnostics.compactMap { problem in
            guard problem.severity != .note else { return nil }
            return Problem(
                diagnostic: problem, child: problem.location.flatMap { document.child(of: 0, atLine: $0.line) })
        }
    }

    /// A document of item fragments under a file's header, with the first and last line of each item and the
    /// lines (within its item) of each material and result element in it.
    struct Document {
        var bytes: [UInt8]
        var lines: [ClosedRange<Int>]
        var children: [[(element: ChildElement, lines: ClosedRange<Int>)]] = []

        /// The material or result element of the item at `position` whose lines hold `line`, if any.
        func child(of position: Int, atLine line: Int) -> ChildElement? {
            guard children.indices.contains(position) else { return nil }
            let relative = line - lines[position].lowerBound
            return children[position].last { $0.lines.contains(relative) }?.element
        }

        /// The position of the item whose element spans `line`, if any.
        func item(atLine line: Int) -> Int? {
            var low = 0
            var high = lines.count
            while low < high {
                let middle = (low + high) / 2
                if lines[middle].upperBound < line { low = middle + 1 } else { high = middle }
            }
            return low < lines.count && lines[low].contains(line) ? low : nil
        }
    }

    static let footer = Array(CatalogWriter().footer().utf8)

    static func document(_ fragments: [ItemFragment], header: [UInt8]) -> Document {
        var bytes = header
        bytes.reserveCapacity(header.count + fragments.reduce(footer.count) { $0 + $1.bytes.count })
        var line = 1 + header.count { $0 == 10 }
        var lines: [ClosedRange<Int>] = []
        lines.reserveCapacity(fragments.count)
        for fragment in fragments {
            lines.append(line...(line + max(0, fragment.newlines - 1)))
            line += fragment.newlines
            bytes += fragment.bytes
        }
        bytes += footer
        return Document(bytes: bytes, lines: lines, children: fragments.map(\.children))
    }
}
