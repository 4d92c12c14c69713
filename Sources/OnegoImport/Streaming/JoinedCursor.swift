import Foundation
import OnegoBase

/// One joined sheet of a workbook (materials, results, fees, details) read on its own thread while the item sheet
/// is read, so that neither sheet is held whole: each record is parsed as its row ends and waits in a bounded
/// buffer until the item record of its parent id takes it. The exported template writes joined rows in item order;
/// a sheet that is not in that order is found out (``ItemPipeline`` compares the parents left at the head with
/// the ids already read) and the import reads it again the in-memory way.
final class JoinedCursor: @unchecked Sendable {
    /// How reading the sheet ended.
    enum Outcome {
        /// Every row was read; the table holds the headers and notes (no records).
        case streamed(SourceTable)
        /// The sheet has merged ranges or rows out of order, or its reading failed or was cancelled: the import
        /// falls back to reading the joined sheets first.
        case fallBack
    }

    let table: ImportProfile.Table
    /// Records read and not yet taken, at most ``capacity`` (the reading thread waits when it is full).
    private var buffer: [(parent: String, record: ParsedRecord)] = []
    private var head = 0
    private var isDone = false
    private var isCancelled = false
    private var outcome = Outcome.fallBack
    /// Warnings about records that name no parent, in row order.
    private var noParent: [ImportDiagnostic] = []
    private let condition = NSCondition()
    private let capacity: Int
    /// The workbook opened for this cursor alone, let go when the sheet is read.
    private var workbook: XLSXWorkbook?
    private let profile: ImportProfile

    /// Starts reading sheet `sheet` of `workbook` (opened for this cursor alone) on a thread of its own.
    init(
        table: ImportProfile.Table, sheet: String, workbook: XLSXWorkbook, profile: ImportProfile,
        capacity: Int = 4096
    ) {
        self.table = table
        self.capacity = capacity
        self.workbook = workbook
        self.profile = profile
        let reader = Thread { [self] in self.read(sheet) }
        reader.stackSize = 8 << 20
        reader.name = "onego.import.join"
        reader.start()
    }

    /// Takes the records at the head whose parent is `parent` (waiting for the sheet to get that far), and returns
    /// them with the parent of the record now at the head (`nil` at the end of the sheet).
    func take(_ parent: String) -> (records: [ParsedRecord], next: String?) {
        condition.lock()
        defer { condition.unlock() }
        var taken: [ParsedRecord] = []
        while true {
            while head == buffer.count && !isDone { condition.wait() }
            guard head < buffer.count else { return (taken, nil) }
            guard buffer[head].parent == parent else { return (taken, buffer[head].parent) }
            taken.append(buffer[head].record)
            pop()
        }
    }

    /// Waits for the end of the sheet and returns what the item sheet did not take, by parent in order of first
    /// appearance, with how the reading ended and the warnings about records without a parent. Stops early, with
    /// `.fallBack`, at the first record left whose parent is in `used` (the sheet is not in item order).
    func finish(used: Set<String>) -> (left: [(String, [ParsedRecord])], outcome: Outcome, noParent: [ImportDiagnostic])
    {
        var left: [(String, [ParsedRecord])] = []
        var index: [String: Int] = [:]
        condition.lock()
        defer { condition.unlock() }
        while true {
            while head == buffer.count && !isDone { condition.wait() }
            guard head < buffer.count else { return (left, outcome, noParent) }
            let (parent, record) = buffer[head]
            pop()
            if used.contains(parent) {
                cancelLocked()
                return ([], .fallBack, [])
            }
            if let at = index[parent] {
                left[at].1.append(record)
            } else {
                index[parent] = left.count
                left.append((parent, [record]))
            }
        }
    }

    /// Stops the reading thread and waits for it to end.
    func cancel() {
        condition.lock()
        cancelLocked()
        condition.unlock()
    }

    private func cancelLocked() {
        isCancelled = true
        condition.broadcast()
        while !isDone { condition.wait() }
        buffer = []
        head = 0
    }

    private func pop() {
        head += 1
        if head == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= capacity / 2 {
            buffer.removeFirst(head)
            head = 0
        }
        condition.broadcast()
    }

    /// The reading thread: parses each record of the sheet and puts it in the buffer.
    private func read(_ sheet: String) {
        let keys = TableKeys(table)
        let (table, profile) = (self.table, self.profile)
        var outcome = Outcome.fallBack
        do throws(ImportError) {
            let streamed = try workbook?.stream(sheet) { [self] record throws(ImportError) in
                var parsed = ParsedRecord(record: record, table: table, profile: profile, keys: keys)
                parsed.record.cells = []
                let parent = CatalogImporter.firstValue(record, keys: table.parentKeys)
                try put(parent, parsed)
            }
            if case .streamed(let headers)? = streamed { outcome = .streamed(headers) }
        } catch {
            outcome = .fallBack  // the in-memory reading reports the error at its place
        }
        workbook = nil
        condition.lock()
        self.outcome = isCancelled ? .fallBack : outcome
        isDone = true
        condition.broadcast()
        condition.unlock()
    }

    /// Puts a record in the buffer (waiting while it is full), or a warning when it names no parent.
    private func put(_ parent: String?, _ parsed: ParsedRecord) throws(ImportError) {
        condition.lock()
        defer { condition.unlock() }
        guard let parent else {
            noParent.append(JoinedRecords.missingParent(parsed.record, table))
            return
        }
        while buffer.count - head >= capacity && !isCancelled { condition.wait() }
        if isCancelled { throw ImportError(.source, "cancelled") }
        buffer.append((parent, parsed))
        condition.broadcast()
    }
}
