import Dispatch
import OnegoBase
import OnegoCatalog

/// Where an item row is: its file, its sheet (workbooks) and its row or record number.
typealias RowPlace = (source: String, sheet: String?, row: Int)

/// An item built from a row, waiting for its check: which row it came from, where its materials and results came
/// from, and its element written once (checked and written in these very bytes).
struct CheckCandidate: Sendable {
    /// The position of its row among the item rows read.
    var row: Int
    /// Where that row is.
    var source: String
    var sheet: String?
    var sourceRow: Int
    var places: ChildPlaces
    var fragment: ItemFragment
    /// The item itself, kept only when the import hands its items back (``CatalogImporter/read(sources:loader:)``).
    var item: ServiceItem?

    var place: RowPlace { (source, sheet, sourceRow) }
}

/// Checks items as they are built: grouped into their files (one per department, in order of first appearance),
/// in batches of ``batchSize`` checked by ``BatchValidation`` on background threads while the next rows are read.
/// Checked items come back through ``takeChecked()`` in row order within each file. At most the loader's thread
/// count of batches is in flight and at most ``maxPending`` items wait for a batch, so memory does not grow with
/// the rows.
final class ItemCheckStream {
    /// One planned file: its department, what its header depends on, and its items not yet checked.
    struct File {
        var department: String
        var regions: Set<String> = []
        var needsSchema11 = false
        var pending: [CheckCandidate] = []
        /// The serial numbers of its batches in flight, oldest first.
        var submitted: [Int] = []

        /// The header the file is written under: the title of its department, the one region all its items
        /// share (else none), schema 1.1 when an item needs it.
        var writer: CatalogWriter { Self.writer(department, regions: regions, needsSchema11: needsSchema11) }

        /// The header a batch is checked under: the file's title; the root's region and version (known only when
        /// every row is read) change no item's check.
        var checkHeader: [UInt8] {
            Array(Self.writer(department, regions: [], needsSchema11: true).header().utf8)
        }

        /// A department's header: its title, the one region given (else none), schema 1.1 when an item needs it,
        /// as `CatalogWriter.document` decides (the schema accepts 1.0 items in 1.1).
        static func writer(_ department: String, regions: Set<String>, needsSchema11: Bool) -> CatalogWriter {
            var writer = CatalogWriter(
                title: String((department + "政务服务事项实施清单").prefix(200)),
                region: regions.count == 1 ? regions.first : nil)
            if needsSchema11 { writer.schemaVersion = "1.1" }
            return writer
        }
    }

    /// An item whose check is done, with what the check found and the file it belongs to.
    typealias Checked = (candidate: CheckCandidate, problems: [BatchValidation.Problem], file: Int)

    private(set) var files: [File] = []
    private var fileIndex: [String: Int] = [:]
    private let validation: BatchValidation
    private let queue = DispatchQueue(label: "onego.import.check", attributes: .concurrent)
    private let slots: DispatchSemaphore
    private let group = DispatchGroup()
    private let finished = Locked([Int: [[BatchValidation.Problem]]]())
    private var inFlight: [Int: [CheckCandidate]] = [:]
    private var nextSerial = 0
    private var pendingCount = 0
    /// Items per check document.
    var batchSize = 500
    /// Items waiting for a batch, over all files, before the largest waiting batch is checked anyway.
    var maxPending = 4000

    init(validation: BatchValidation) {
        self.validation = validation
        slots = DispatchSemaphore(value: max(1, validation.loader.threads))
    }

    /// Queues `candidate` for its department's file; checks a batch when one is full.
    func add(_ candidate: CheckCandidate, department: String, region: String, needsSchema11: Bool) {
        let at: Int
        if let known = fileIndex[department] {
            at = known
        } else {
            at = files.count
            fileIndex[department] = at
            files.append(File(department: department))
        }
        files[at].regions.insert(region)
        if needsSchema11 { files[at].needsSchema11 = true }
        files[at].pending.append(candidate)
        pendingCount += 1
        if files[at].pending.count >= batchSize {
            submit(at)
        } else if pendingCount >= maxPending,
            let largest = files.indices.max(by: { files[$0].pending.count < files[$1].pending.count })
        {
            submit(largest)
        }
    }

    /// Checks every waiting item and waits for all checks.
    func finish() {
        for at in files.indices where !files[at].pending.isEmpty { submit(at) }
        group.wait()
    }

    /// Waits for the checks in flight.
    func waitForChecks() { group.wait() }

    /// The items whose checks are done, each file's in row order (a file's later batch waits for its earlier one).
    func takeChecked() -> [Checked] {
        var out: [Checked] = []
        for at in files.indices {
            while let serial = files[at].submitted.first,
                let problems = finished.withLock({ $0.removeValue(forKey: serial) })
            {
                files[at].submitted.removeFirst()
                let batch = inFlight.removeValue(forKey: serial) ?? []
                for (candidate, found) in zip(batch, problems) { out.append((candidate, found, at)) }
            }
        }
        return out
    }

    private func submit(_ at: Int) {
        let batch = files[at].pending
        files[at].pending = []
        pendingCount -= batch.count
        let serial = nextSerial
        nextSerial += 1
        files[at].submitted.append(serial)
        inFlight[serial] = batch
        let fragments = batch.map(\.fragment)
        let header = files[at].checkHeader
        let (validation, finished, slots) = (self.validation, self.finished, self.slots)
        slots.wait()
        group.enter()
        queue.async { [group] in
            let problems = validation.check(fragments, header: header)
            finished.withLock { $0[serial] = problems }
            slots.signal()
            group.leave()
        }
    }
}
