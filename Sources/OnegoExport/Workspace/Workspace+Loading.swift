import Foundation
import OnegoBase
public import OnegoCatalog
public import OnegoComposer

extension Workspace {
    /// The matters in ``matterFolders`` (recorded as inputs); none when there are no folders.
    ///
    /// - Throws: ``WorkspaceError`` carrying the errors when a matter file has any.
    public func loadMatters() throws(WorkspaceError) -> [Matter] {
        let paths = matterFolders
        return paths.isEmpty ? [] : try Self.loadMatters(paths: paths)
    }

    /// The matters in `paths` (recorded as inputs).
    ///
    /// - Throws: ``WorkspaceError`` carrying the errors when a matter file has any.
    public static func loadMatters(paths: [String]) throws(WorkspaceError) -> [Matter] {
        InputLedger.shared.record(paths)
        let (matters, diagnostics) = MatterLoader.load(paths: paths)
        if diagnostics.containsErrors {
            throw WorkspaceError("一件事定义有错误，请先修正", diagnostics: diagnostics.filter { $0.severity == .error })
        }
        return matters
    }

    /// The matter named by `name`: its code (any case), its theme name, or its file name without `.xml`.
    public static func matter(named name: String, in matters: [Matter]) -> Matter? {
        let wanted = name.lowercased()
        return matters.first { $0.code.lowercased() == wanted || $0.name == name }
            ?? matters.first {
                URL(fileURLWithPath: $0.location.file).deletingPathExtension().lastPathComponent
                    .lowercased() == wanted
            }
    }

    /// The matter named by `name`: a matter file (`….xml` that exists), else a code, theme or file name looked up
    /// in ``matterFolders``.
    ///
    /// - Throws: ``WorkspaceError`` when there is no matters folder, a matter file has errors, or none matches
    ///   (the message lists the matters there are).
    public func matter(named name: String) throws(WorkspaceError) -> Matter {
        let isFile = name.lowercased().hasSuffix(".xml") && FileManager.default.fileExists(atPath: name)
        let paths = isFile ? [name] : matterFolders
        guard !paths.isEmpty else {
            throw WorkspaceError("找不到一件事定义目录：请用 --matters 指定（默认为目录 items/ 旁的 matters/）", diagnostics: [])
        }
        let matters = try Self.loadMatters(paths: paths)
        if isFile, let only = matters.first { return only }
        if let found = Self.matter(named: name, in: matters) { return found }
        let known = matters.map { "\($0.code)（\($0.name)）" }.joined(separator: "、")
        throw WorkspaceError("没有编码为 \(name) 的一件事" + (known.isEmpty ? "" : "；可选：\(known)"), diagnostics: [])
    }

    /// The material synonym table from ``synonymsFile`` (recorded as an input), else the built-in one.
    ///
    /// - Throws: ``WorkspaceError`` carrying every diagnostic of the table when it has errors.
    public func synonyms() throws(WorkspaceError) -> SynonymTable {
        let (table, diagnostics): (SynonymTable, [Diagnostic])
        if let file = synonymsFile {
            InputLedger.shared.record(file)
            (table, diagnostics) = SynonymTable.load(path: file)
        } else {
            (table, diagnostics) = SynonymTable.loadBuiltIn()
        }
        if diagnostics.containsErrors { throw WorkspaceError("材料同义词表有错误", diagnostics: diagnostics) }
        return table
    }

    /// The office hours from ``officeHoursFile``, else the standard hours.
    ///
    /// - Throws: ``WorkspaceError`` wrapping the file's ``OfficeHoursError``.
    public func officeHours() throws(WorkspaceError) -> OfficeHours {
        guard let file = officeHoursFile else { return .standard }
        do {
            return try OfficeHours.load(path: file)
        } catch {
            throw WorkspaceError(error)
        }
    }

    /// The working-day calendar from ``calendarPaths``, else the shipped one (or the `ONEGO_CALENDARS` folder); what
    /// is read is recorded as inputs.
    ///
    /// - Throws: ``WorkspaceError`` carrying the calendar's diagnostics when it has errors.
    public func calendar() throws(WorkspaceError) -> WorkingCalendar {
        InputLedger.shared.recordSchemas(directory: nil)
        if calendarPaths.isEmpty {
            if let override = CalendarLocator.overridePath, FileManager.default.fileExists(atPath: override) {
                InputLedger.shared.record(override)
            }
            do {
                return try WorkingCalendar.loadDefault()
            } catch let diagnostic {
                throw WorkspaceError(diagnostic)
            }
        }
        InputLedger.shared.record(calendarPaths)
        let (calendar, diagnostics) = WorkingCalendar.load(paths: calendarPaths)
        if diagnostics.containsErrors {
            throw WorkspaceError("工作日历有错误，请先用 onego calendar check 修正", diagnostics: diagnostics)
        }
        return calendar
    }

    /// A composer over `catalog` with this workspace's synonym table and office hours, and `calendar` for due
    /// dates (nil: no due dates).
    public func composer(catalog: Catalog, calendar: WorkingCalendar? = nil) throws(WorkspaceError) -> Composer {
        Composer(catalog: catalog, synonyms: try synonyms(), calendar: calendar, officeHours: try officeHours())
    }
}

extension Workspace {
    /// A composer over `catalog` with this workspace's synonym table, its calendar when `loadingCalendar` (for due
    /// dates), and its office hours — read in that order, so the first broken file is the one reported.
    public func composer(catalog: Catalog, loadingCalendar: Bool) throws(WorkspaceError) -> Composer {
        let table = try synonyms()
        let calendar = loadingCalendar ? try calendar() : nil
        return Composer(catalog: catalog, synonyms: table, calendar: calendar, officeHours: try officeHours())
    }
}
