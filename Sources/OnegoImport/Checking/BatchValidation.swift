import Dispatch
import OnegoBase
import OnegoCatalog

/// Checks imported items against the catalog schema and the loader's own checks many at a time: the items of one
/// planned file are written in documents of up to ``batchSize`` items under that file's header, each document is
/// loaded once with the validating loader, and every problem is traced back to its item by line. Items with a
/// rejecting problem are left out and the rest of that document is checked again, so every item accepted was
/// validated in the very bytes the file will hold. A problem that cannot be placed on an item (it should not
/// happen) makes that document's items be checked one by one.
struct BatchValidation {
    let loader: CatalogLoader
    /// Whether a problem rejects its item (others are kept as notes of the import).
    let rejects: @Sendable (Diagnostic) -> Bool
    var batchSize = 500

    /// A problem found on an item, with the material or result element it was found in, when it was.
    struct Problem: Sendable {
        var diagnostic: Diagnostic
        var child: ChildElement?
    }

    /// The problems (errors and warnings) found on each item, by position in `items`. Documents are checked on
    /// up to the loader's thread count at once; the result does not depend on the count.
    func problems(of items: [ServiceItem], plan: CatalogFilePlan) -> [[Problem]] {
        let batches = plan.files.flatMap { file in
            stride(from: 0, to: file.items.count, by: batchSize).map { start in
                (writer: file.writer, items: Array(file.items[start..<min(file.items.count, start + batchSize)]))
            }
        }
        let next = Locked(0)
        let results = Locked([[(index: Int, problems: [Problem])]](repeating: [], count: batches.count))
        let workers = max(1, min(loader.threads, batches.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let taken = next.withLock { count in
                    defer { count += 1 }
                    return count
                }
                guard taken < batches.count else { return }
                let found = check(batches[taken].items, of: items, writer: batches[taken].writer)
                results.withLock { $0[taken] = found }
            }
        }
        var found = [[Problem]](repeating: [], count: items.count)
        for batch in results.current {
            for (index, problems) in batch { found[index] = problems }
        }
        return found
    }

    /// The problems of the items of one batch (by item index), checking again without the rejected ones until a
    /// document passes.
    private func check(
        _ batch: [Int], of items: [ServiceItem], writer: CatalogWriter
    ) -> [(index: Int, problems: [Problem])] {
        var found: [Int: [Problem]] = [:]
        var pending = batch
        while !pending.isEmpty {
            let document = Self.document(pending.map { items[$0] }, writer: writer)
            let loaded = loader.load(bytes: document.bytes, name: "import-check.xml")
            var rejected: Set<Int> = []
            var isPlaced = true
            for problem in loaded.diagnostics where problem.severity != .note {
                guard let line = problem.location?.line, let at = document.item(atLine: line) else {
                    isPlaced = false
                    break
                }
                let index = pending[at]
                if !(found[index] ?? []).contains(where: {
                    $0.diagnostic.rule == problem.rule && $0.diagnostic.message == problem.message
                }) {
                    found[index, default: []].append(
                        Problem(diagnostic: problem, child: document.child(of: at, atLine: line)))
                }
                if rejects(problem) { rejected.insert(index) }
            }
            // Every item is read back when none is rejected (a rejected item may have been left out).
            if rejected.isEmpty && loaded.catalog.items.count != pending.count { isPlaced = false }
            if !isPlaced {
                for index in pending { found[index] = checkAlone(items[index], writer: writer) }
                break
            }
            if rejected.isEmpty { break }
            pending.removeAll { rejected.contains($0) }
        }
        return batch.compactMap { index in found[index].map { (index, $0) } }
    }

    /// The fallback: an item in a document of its own (its problems are then its own whatever their line).
    private func checkAlone(_ item: ServiceItem, writer: CatalogWriter) -> [Problem] {
        let document = Self.document([item], writer: writer)
        return loader.load(bytes: document.bytes, name: "import-check.xml").diagnostics.compactMap { problem in
            guard problem.severity != .note else { return nil }
            return Problem(
                diagnostic: problem, child: problem.location.flatMap { document.child(of: 0, atLine: $0.line) })
        }
    }

    /// A document of `items` under `writer`'s header, with the first and last line of each item and of each
    /// material and result element in it.
    struct Document {
        var bytes: [UInt8]
        var lines: [ClosedRange<Int>]
        var children: [[(element: ChildElement, lines: ClosedRange<Int>)]] = []

        /// The material or result element of the item at `position` whose lines hold `line`, if any.
        func child(of position: Int, atLine line: Int) -> ChildElement? {
            guard children.indices.contains(position) else { return nil }
            return children[position].last { $0.lines.contains(line) }?.element
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

    static func document(_ items: [ServiceItem], writer: CatalogWriter) -> Document {
        var text = writer.header()
        var line = 1 + newlines(in: text)
        var lines: [ClosedRange<Int>] = []
        lines.reserveCapacity(items.count)
        var children: [[(element: ChildElement, lines: ClosedRange<Int>)]] = []
        children.reserveCapacity(items.count)
        var fragment = ""
        for item in items {
            fragment.removeAll(keepingCapacity: true)
            writer.write(item, to: &fragment)
            let scanned = ChildElement.scan(fragment, firstLine: line)
            lines.append(line...(line + max(0, scanned.newlines - 1)))
            children.append(scanned.children)
            line += scanned.newlines
            text += fragment
        }
        text += writer.footer()
        return Document(bytes: Array(text.utf8), lines: lines, children: children)
    }

    static func newlines(in text: String) -> Int {
        var count = 0
        for byte in text.utf8 where byte == 10 { count += 1 }
        return count
    }
}
