import Foundation
import OnegoAudit
public import OnegoBase
public import OnegoCatalog
public import OnegoComposer

/// Everything `onego validate` checks in the paths it is given: the catalog items, and every other onego
/// document found beside them — matters (with the bundle checks against the catalog), calendars, the synonym
/// table, office hours, policies, waivers, import and code profiles — each against its own schema.
public struct WorkspaceValidation: Sendable {
    /// The catalog as loaded.
    public var catalog: CatalogLoadResult
    /// The matters found.
    public var matters: [Matter] = []
    /// The years the calendars found publish.
    public var calendarYears: [Int] = []
    /// How many policies loaded.
    public var policies = 0
    /// How many waiver files loaded without errors.
    public var waiverFiles = 0
    /// Every problem, sorted by location.
    public var diagnostics: [Diagnostic] = []

    /// Loads `paths` with `loader` (which skips the other onego documents named directly) and checks each other
    /// document it skipped by its namespace.
    public init(paths: [String], loader: CatalogLoader) {
        var loader = loader
        loader.skipsOtherDocumentsNamedDirectly = true
        catalog = loader.load(paths: paths)
        var diagnostics = catalog.diagnostics
        let skipped = Dictionary(grouping: catalog.skippedDocuments, by: \.namespace).mapValues { $0.map(\.path) }

        var synonyms = SynonymTable.empty
        for path in skipped[OnegoNamespace.synonyms] ?? [] {
            let (table, problems) = SynonymTable.load(path: path)
            diagnostics += problems
            if !problems.containsErrors { synonyms = table }
        }
        let officeHours = Self.officeHours(in: paths, diagnostics: &diagnostics)
        if let matterPaths = skipped[OnegoNamespace.matter] {
            let (matters, problems) = MatterLoader.load(paths: matterPaths)
            diagnostics += problems
            if !catalog.diagnostics.containsErrors {
                diagnostics += MatterChecks.run(
                    matters: matters, catalog: catalog.catalog, synonyms: synonyms, officeHours: officeHours)
            }
            self.matters = matters
        }
        if let calendarPaths = skipped[OnegoNamespace.calendar] {
            let (calendar, problems) = WorkingCalendar.load(paths: calendarPaths)
            diagnostics += problems
            calendarYears = calendar.publishedYears
        }
        checkAuditFiles(skipped, diagnostics: &diagnostics)
        diagnostics += Self.profileProblems(skipped)
        diagnostics += Self.unknownDocuments(catalog.skippedDocuments)
        self.diagnostics = diagnostics.sortedByLocation()
    }

    /// The office hours of the last valid `office-hours.txt` in `paths` (else the standard hours); each invalid
    /// one adds an `office-hours.invalid` error.
    public static func officeHours(in paths: [String], diagnostics: inout [Diagnostic]) -> OfficeHours {
        var officeHours = OfficeHours.standard
        for path in officeHoursFiles(in: paths) {
            do {
                officeHours = try OfficeHours.load(path: path)
            } catch {
                diagnostics.append(
                    Diagnostic(
                        .error, rule: .officeHoursInvalid, message: error.message,
                        at: SourceLocation(file: error.file, line: error.line, column: error.column)))
            }
        }
        return officeHours
    }

    /// Policies and waiver files, counted when they load.
    private mutating func checkAuditFiles(_ skipped: [String: [String]], diagnostics: inout [Diagnostic]) {
        for path in skipped[OnegoNamespace.policy] ?? [] {
            let (policy, problems) = Policy.load(path: path)
            diagnostics += problems
            if policy != nil { policies += 1 }
        }
        for path in skipped[OnegoNamespace.waivers] ?? [] {
            let (_, problems) = WaiverSet.load(path: path)
            diagnostics += problems
            if !problems.containsErrors { waiverFiles += 1 }
        }
    }

    /// Import profiles (Catalogs/profiles/*.xml) against Schemas/import-profile.xsd, and code profiles
    /// (Catalogs/code-profiles/*.xml, code-profile.xml beside a catalog) against code-profile.xsd.
    static func profileProblems(_ skipped: [String: [String]]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for path in skipped[ImportProfile.namespace] ?? [] {
            do {
                _ = try ImportProfile.load(path: path)
            } catch {
                diagnostics.append(
                    Diagnostic(
                        .error, rule: .importProfile, message: error.message,
                        at: SourceLocation(file: path, line: 0, column: 0)))
            }
        }
        for path in skipped[CodeProfile.namespace] ?? [] {
            do {
                _ = try CodeProfile.load(path: path)
            } catch let diagnostic {
                diagnostics.append(diagnostic)
            }
        }
        return diagnostics
    }

    /// An `io.unknown-document` error for each skipped document whose namespace no onego loader reads.
    static func unknownDocuments(_ documents: [SkippedDocument]) -> [Diagnostic] {
        let known: Set<String> = [
            OnegoNamespace.synonyms, OnegoNamespace.matter, OnegoNamespace.calendar, OnegoNamespace.policy,
            OnegoNamespace.waivers, ImportProfile.namespace, CodeProfile.namespace,
        ]
        return documents.filter { !known.contains($0.namespace) }.map { document in
            Diagnostic(
                .error, rule: .ioUnknownDocument,
                message: "未知的 onego 文件类型（命名空间 \(document.namespace)），无法校验",
                at: SourceLocation(file: document.path, line: 0, column: 0))
        }
    }

    /// The office-hours files (`office-hours.txt`) in or under the given paths, sorted.
    public static func officeHoursFiles(in paths: [String]) -> [String] {
        var found: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if !isDirectory.boolValue {
                if (path as NSString).lastPathComponent == OfficeHours.fileName { found.append(path) }
                continue
            }
            let files = FileManager.default.enumerator(atPath: path)
            while let file = files?.nextObject() as? String {
                if (file as NSString).lastPathComponent == OfficeHours.fileName { found.append(path + "/" + file) }
            }
        }
        return found.sorted()
    }

    /// The number of errors.
    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    /// The number of warnings.
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
}
