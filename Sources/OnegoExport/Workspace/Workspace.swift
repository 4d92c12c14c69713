import Foundation
import OnegoCatalog
import OnegoComposer

/// The files that go with a catalog — matters, material synonyms, office hours, working-day calendars and the code
/// profile — found by fixed rules, or named explicitly. Every front end (the CLI commands, the workbench) asks a
/// `Workspace` instead of looking for files itself, so `--catalog Catalogs/yunxi` and `--catalog
/// Catalogs/yunxi/items` find the same things everywhere.
///
/// A path named explicitly always wins. Otherwise, for the catalog paths given (README, “Workspace layout”):
/// - **matters**: for each catalog folder, `matters/` beside it when the folder is called `items`, else `matters/`
///   inside it, else the folder itself (the matter loader skips other documents); an `items` folder with no
///   `matters/` sibling gives none.
/// - **synonyms**: `material-synonyms.xml` in the workspace folder (``workspaceFolder``: the first catalog folder, or
///   the folder holding it when it is called `items`); else the table built into the binary.
/// - **office hours**: `office-hours.txt` in the workspace folder; else 09:00–12:00, 13:30–17:30.
/// - **calendars**: the named files or folders, else the shipped calendar (or `ONEGO_CALENDARS`).
/// - **code profile**: `code-profile.xml` in the workspace folder; else the national rules.
///
/// Nothing is searched for above those folders. What a workspace reads is recorded in ``InputLedger/shared``, so no
/// output can replace it.
///
/// ```swift
/// let workspace = Workspace(catalogPaths: ["Catalogs/yunxi"])
/// let matters = try workspace.loadMatters()      // Catalogs/yunxi/matters/*.xml
/// let composer = try workspace.composer(catalog: catalog)
/// ```
public struct Workspace: Sendable, Hashable {
    /// The catalog files or folders.
    public var catalogPaths: [String]
    /// Matter files or folders named explicitly; empty means the default folders (``defaultMatterFolders(near:)``).
    public var matterPaths: [String]
    /// The material synonym table named explicitly.
    public var synonymsPath: String?
    /// The office-hours file named explicitly.
    public var officeHoursPath: String?
    /// Working-day calendar files or folders named explicitly; empty means the shipped calendar.
    public var calendarPaths: [String]

    /// A workspace over `catalogPaths`; every other path is optional and found by the rules above when not given.
    public init(
        catalogPaths: [String], matterPaths: [String] = [], synonymsPath: String? = nil,
        officeHoursPath: String? = nil, calendarPaths: [String] = []
    ) {
        self.catalogPaths = catalogPaths
        self.matterPaths = matterPaths
        self.synonymsPath = synonymsPath
        self.officeHoursPath = officeHoursPath
        self.calendarPaths = calendarPaths
    }

    /// The matter files or folders this workspace reads: the named ones, else the default folders.
    public var matterFolders: [String] {
        matterPaths.isEmpty ? Self.defaultMatterFolders(near: catalogPaths) : matterPaths
    }

    /// Where matters are looked for when none are named: for each catalog folder, `matters/` beside an `items/`
    /// folder, else a `matters/` folder inside it, else the folder itself. `Catalogs/yunxi` and
    /// `Catalogs/yunxi/items` both give `Catalogs/yunxi/matters`; files and missing paths give nothing.
    public static func defaultMatterFolders(near catalogPaths: [String]) -> [String] {
        var result: [String] = []
        for path in catalogPaths {
            let url = URL(fileURLWithPath: path).standardizedFileURL
            guard isDirectory(url.path) else { continue }
            let isItems = url.lastPathComponent == "items"
            let candidates = [
                isItems ? url.deletingLastPathComponent().appendingPathComponent("matters").path : nil,
                url.appendingPathComponent("matters").path,
            ].compactMap { $0 }
            let chosen = candidates.first(where: isDirectory) ?? (isItems ? nil : url.path)
            if let chosen, !result.contains(chosen) { result.append(chosen) }
        }
        return result
    }

    /// The synonym table file: the named one, else `material-synonyms.xml` in ``workspaceFolder``; nil means the
    /// built-in table.
    public var synonymsFile: String? {
        synonymsPath ?? workspaceFile(named: Self.synonymsFileName)
    }

    /// The name of a workspace's own synonym table.
    public static let synonymsFileName = "material-synonyms.xml"

    /// The folder of the workspace: the first catalog path's folder (a file's folder), or the folder holding it when
    /// it is called `items` (`Catalogs/yunxi` and `Catalogs/yunxi/items` both give `Catalogs/yunxi`).
    public var workspaceFolder: String? {
        guard let path = catalogPaths.first else { return nil }
        var folder = URL(fileURLWithPath: path).standardizedFileURL
        if !Self.isDirectory(folder.path) { folder = folder.deletingLastPathComponent() }
        if folder.lastPathComponent == "items" { folder = folder.deletingLastPathComponent() }
        return folder.path
    }

    /// The office-hours file: the named one, else `office-hours.txt` in ``workspaceFolder``; nil means the standard
    /// hours.
    public var officeHoursFile: String? {
        officeHoursPath ?? workspaceFile(named: OfficeHours.fileName)
    }

    /// The `code-profile.xml` in ``workspaceFolder``; nil means the national rules.
    public var codeProfileFile: String? { workspaceFile(named: Self.codeProfileFileName) }

    /// The name of a workspace's own code profile.
    public static let codeProfileFileName = "code-profile.xml"

    /// The `policy.xml` in ``workspaceFolder``: the reform targets its audits use when none is named.
    public var policyFile: String? { workspaceFile(named: Self.policyFileName) }

    /// The name of a workspace's own policy file.
    public static let policyFileName = "policy.xml"

    /// The readable file called `name` in ``workspaceFolder`` (never one above it).
    func workspaceFile(named name: String) -> String? {
        guard let workspaceFolder else { return nil }
        let candidate = workspaceFolder + "/" + name
        return FileManager.default.isReadableFile(atPath: candidate) ? candidate : nil
    }

    static func isDirectory(_ path: String) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &flag) && flag.boolValue
    }
}
