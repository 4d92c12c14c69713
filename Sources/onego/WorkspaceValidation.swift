import Foundation
import OnegoAudit
import OnegoBase
import OnegoCatalog
import OnegoComposer
import OnegoImport

/// Everything `onego validate` checks in the paths it is given: the catalog items, and every other onego
/// document found beside them — matters (with the bundle checks against the catalog), calendars, the synonym
/// table, policies and waivers — each against its own schema.
struct WorkspaceValidation {
    var catalog: CatalogLoadResult
    var matters: [Matter] = []
    var calendarYears: [Int] = []
    var policies = 0
    var waiverFiles = 0
    var diagnostics: [Diagnostic]

    init(paths: [String], loader: CatalogLoader) {
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
        var officeHours = OfficeHours.standard
        for path in Self.officeHoursFiles(in: paths) {
            do {
                officeHours = try OfficeHours.load(path: path)
            } catch {
                diagnostics.append(
                    Diagnostic(
                        .error, rule: .officeHoursInvalid, message: error.message,
                        at: SourceLocation(file: error.file, line: error.line, column: error.column)))
            }
        }
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
        // Import profiles (Catalogs/profiles/*.xml) are checked against Schemas/import-profile.xsd.
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
        // Code profiles (Catalogs/code-profiles/*.xml, code-profile.xml beside a catalog) against code-profile.xsd.
        for path in skipped[CodeProfile.namespace] ?? [] {
            do {
                _ = try CodeProfile.load(path: path)
            } catch let diagnostic {
                diagnostics.append(diagnostic)
            }
        }
        let known: Set<String> = [
            OnegoNamespace.synonyms, OnegoNamespace.matter, OnegoNamespace.calendar, OnegoNamespace.policy,
            OnegoNamespace.waivers, ImportProfile.namespace, CodeProfile.namespace,
        ]
        for document in catalog.skippedDocuments where !known.contains(document.namespace) {
            diagnostics.append(
                Diagnostic(
                    .error, rule: .ioUnknownDocument,
                    message: "未知的 onego 文件类型（命名空间 \(document.namespace)），无法校验",
                    at: SourceLocation(file: document.path, line: 0, column: 0)))
        }
        self.diagnostics = diagnostics.sortedByLocation()
    }

    /// The office-hours files (`office-hours.txt`) in or under the given paths, sorted.
    static func officeHoursFiles(in paths: [String]) -> [String] {
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

    var errorCount: Int { diagnostics.count { $0.severity == .error } }
    var warningCount: Int { diagnostics.count { $0.severity == .warning } }
}
