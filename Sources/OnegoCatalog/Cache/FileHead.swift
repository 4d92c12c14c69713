public import OnegoBase

/// What a whole-catalog stage needs of one catalog file without its items: the loader's per-file outcome apart
/// from the items (diagnostics, item checks, title, region, item count) and, per item, the 64-bit hashes of the codes
/// that relate items across files, with the departments and the material count.
///
/// A cached load with ``CatalogLoader/summarizesUnchangedFiles`` hands unchanged files over as heads instead of
/// decoding their items (``CatalogLoadResult/summarizedFiles``). A head is kept beside the file's parse entry under
/// the kind `head`, keyed by the file's outcome digest (``CatalogCache/outcomeDigest(for:)``), with its own checksum;
/// one for another outcome, or damaged, is never used.
///
/// The hashes only ever prove codes **distinct** (equal hashes may be a collision): a stage that finds two equal
/// hashes must take the items themselves.
public struct FileHead: Sendable, Hashable {
    /// The file's path as the load named it.
    public var path: String
    /// The catalog's title attribute.
    public var title: String?
    /// The catalog's region attribute.
    public var region: String?
    /// The loader's diagnostics of the file (parse and schema), in the order found.
    public var diagnostics: [Diagnostic]
    /// The loader's checks of the file's items on their own, in item order.
    public var checks: [Diagnostic]
    /// Per item, in order: ``codeHash(_:)`` of its identifying code (``ServiceItem/id``).
    public var identifyingHashes: [UInt64]
    /// Per item: the hash of its implementation code.
    public var implementationHashes: [UInt64]
    /// Per item: the hash of its basic code, 0 when it has none.
    public var basicHashes: [UInt64]
    /// The departments of its items in order of first appearance.
    public var departments: [String]
    /// Its material lines.
    public var materialCount: Int

    /// How many items the file holds.
    public var itemCount: Int { identifyingHashes.count }

    /// The derived entry's kind.
    static let kind = "head"

    /// The head of a file whose outcome holds `items` (the file's items, in order), with the outcome's other parts.
    public init(
        path: String, title: String?, region: String?, diagnostics: [Diagnostic], checks: [Diagnostic],
        items: ArraySlice<ServiceItem>
    ) {
        self.path = path
        self.title = title
        self.region = region
        self.diagnostics = diagnostics
        self.checks = checks
        identifyingHashes = items.map { Self.codeHash($0.id) }
        implementationHashes = items.map { Self.codeHash($0.codes.implementation) }
        basicHashes = items.map { $0.codes.basic.isEmpty ? 0 : Self.codeHash($0.codes.basic) }
        var seen = Set<String>()
        departments = items.compactMap { seen.insert($0.department).inserted ? $0.department : nil }
        materialCount = items.reduce(0) { $0 + $1.materials.count }
    }

    /// The 64-bit hash of a code by which heads tell codes apart.
    public static func codeHash(_ code: String) -> UInt64 { ContentDigest.of(text: code, seed: 0x6f6e_6567_6f68) }

    /// The entry's bytes.
    func encoded() -> [UInt8] {
        var writer = CompactWriter()
        writer.write(path)
        writer.write(title)
        writer.write(region)
        diagnostics.write(to: &writer)
        checks.write(to: &writer)
        writer.write(UInt64(itemCount))
        for list in [identifyingHashes, implementationHashes, basicHashes] {
            for hash in list { writer.write(hash) }
        }
        departments.write(to: &writer)
        writer.write(materialCount)
        return writer.finished()
    }

    /// The head in `bytes`, when they hold one whole head of `path`; `nil` otherwise.
    init?(bytes: ArraySlice<UInt8>, path: String) {
        let decoded = bytes.withUnsafeBytes { raw -> FileHead? in
            do {
                var reader = try CompactReader(bytes: raw)
                let storedPath = try reader.string()
                let title = try reader.optionalString()
                let region = try reader.optionalString()
                let diagnostics = try [Diagnostic](compact: &reader)
                let checks = try [Diagnostic](compact: &reader)
                let count = try reader.count()
                var lists: [[UInt64]] = []
                for _ in 0..<3 {
                    var list: [UInt64] = []
                    list.reserveCapacity(count)
                    for _ in 0..<count { list.append(try reader.varint()) }
                    lists.append(list)
                }
                let departments = try [String](compact: &reader)
                let materials = try reader.int()
                guard storedPath == path, reader.isAtEnd, materials >= 0 else { return nil }
                return FileHead(
                    path: path, title: title, region: region, diagnostics: diagnostics, checks: checks,
                    identifyingHashes: lists[0], implementationHashes: lists[1], basicHashes: lists[2],
                    departments: departments, materialCount: materials)
            } catch {
                return nil
            }
        }
        guard let decoded else { return nil }
        self = decoded
    }

    private init(
        path: String, title: String?, region: String?, diagnostics: [Diagnostic], checks: [Diagnostic],
        identifyingHashes: [UInt64], implementationHashes: [UInt64], basicHashes: [UInt64], departments: [String],
        materialCount: Int
    ) {
        self.path = path
        self.title = title
        self.region = region
        self.diagnostics = diagnostics
        self.checks = checks
        self.identifyingHashes = identifyingHashes
        self.implementationHashes = implementationHashes
        self.basicHashes = basicHashes
        self.departments = departments
        self.materialCount = materialCount
    }
}

extension CatalogCache {
    /// The key of the head of a file whose outcome digest is `outcome`.
    static func headKey(outcome: UInt64) -> UInt64 { ContentDigest.of(text: "head 1 \(outcome)") }

    /// The stored head of `path` for the outcome digest `outcome`, when current and intact.
    func head(for path: String, outcome: UInt64) -> FileHead? {
        guard let bytes = derivedPayload(FileHead.kind, for: path, key: Self.headKey(outcome: outcome)) else {
            return nil
        }
        return FileHead(bytes: bytes, path: path)
    }

    /// Whether a head of `path` for `outcome` is stored and intact.
    func hasHead(for path: String, outcome: UInt64) -> Bool {
        derivedPayload(FileHead.kind, for: path, key: Self.headKey(outcome: outcome)) != nil
    }

    /// Stores `head` for the outcome digest `outcome`.
    func storeHead(_ head: FileHead, outcome: UInt64) {
        storeDerived(FileHead.kind, for: head.path, key: Self.headKey(outcome: outcome), payload: head.encoded())
    }
}
