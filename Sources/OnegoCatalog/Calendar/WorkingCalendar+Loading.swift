import Foundation
public import OnegoXML

extension WorkingCalendar {
    /// Loads calendar files (or folders searched recursively for `*.xml`), validating each against
    /// `Schemas/calendar.xsd` and checking the rules the schema cannot express (see ``CalendarYearChecks``):
    /// dates outside the file's year, reversed or overlapping holidays, duplicated or weekday make-up days,
    /// a wrong `workingDays` checksum, and the same year in two files.
    ///
    /// A file with any error contributes nothing to the calendar, so its year stays unknown rather than wrong.
    /// Inside folders, other onego documents (catalogs, matters …) are skipped.
    ///
    /// - Parameters:
    ///   - paths: files or folders.
    ///   - schemaPath: the schema to validate with; by default found by ``SchemaLocator``.
    /// - Returns: the calendar and every diagnostic, sorted by file, line and column.
    public static func load(paths: [String], schemaPath: String? = nil) -> (
        calendar: WorkingCalendar, diagnostics: [Diagnostic]
    ) {
        var diagnostics: [Diagnostic] = []
        guard let schemaPath = schemaPath ?? SchemaLocator.path(for: .calendar) else {
            let missing = Diagnostic(
                .error, rule: "xml.schema-file",
                message: "找不到 Schemas/calendar.xsd：请在仓库目录中运行，或设置环境变量 ONEGO_SCHEMAS 指向 Schemas 目录")
            return (WorkingCalendar(years: []), [missing])
        }
        let schema: XMLSchema
        do {
            schema = try XMLSchema(contentsOf: schemaPath)
        } catch let diagnostic {
            return (WorkingCalendar(years: []), [diagnostic])
        }
        let inputs = InputFiles.expand(paths, diagnostics: &diagnostics)
        let parser = XMLStreamParser(schema: schema)
        var years: [CalendarYear] = []
        var firstFile: [Int: CalendarYear] = [:]
        for input in inputs {
            let reader = CalendarFileReader(skipsOtherOnegoDocuments: input.fromFolder, isValidated: true)
            var found = parser.parse(contentsOf: input.path, into: reader)
            if reader.root == .otherOnego && input.fromFolder { continue }
            guard var year = reader.year else {
                diagnostics += found
                continue
            }
            if !found.containsErrors {
                found += CalendarYearChecks.run(on: year, file: input.path)
            }
            diagnostics += found
            guard !found.containsErrors else { continue }
            if let first = firstFile[year.year] {
                diagnostics.append(
                    Diagnostic(
                        .error, rule: "calendar.duplicate-year",
                        message: "\(year.year) 年的节假日安排重复出现（首次见于 \(first.location?.file ?? "另一文件")），已忽略此文件",
                        at: year.location, related: first.location.map { [$0] } ?? []))
                continue
            }
            year.location = year.location ?? SourceLocation(file: input.path, line: 0, column: 0)
            firstFile[year.year] = year
            years.append(year)
        }
        if years.isEmpty && !diagnostics.containsErrors {
            diagnostics.append(
                Diagnostic(
                    .error, rule: "io.no-calendar",
                    message: "\(paths.joined(separator: "、")) 中没有工作日历文件"
                        + "（根元素为 <calendar xmlns=\"\(OnegoNamespace.calendar)\"> 的 .xml 文件）"))
        }
        return (WorkingCalendar(years: years), diagnostics.sortedByLocation())
    }

    /// Loads the shipped calendar, `Catalogs/calendars/`, found the way ``SchemaLocator`` finds `Schemas/`:
    /// the `ONEGO_CALENDARS` environment variable (a folder or file), then `Catalogs/calendars` in the folders
    /// above the running executable, then above the current directory, then
    /// `/usr/local/share/onego/Catalogs/calendars`.
    ///
    /// - Throws: a ``Diagnostic`` when no calendar folder is found or a calendar file has an error (the first one).
    public static func loadDefault() throws(Diagnostic) -> WorkingCalendar {
        guard let folder = CalendarLocator.path() else {
            throw Diagnostic(
                .error, rule: "io.no-calendar",
                message: "找不到工作日历目录 Catalogs/calendars：请在仓库目录中运行，或设置环境变量 ONEGO_CALENDARS 指向该目录")
        }
        let (calendar, diagnostics) = load(paths: [folder])
        if let error = diagnostics.first(where: { $0.severity == .error }) { throw error }
        return calendar
    }
}

/// Finds the shipped `Catalogs/calendars` folder (environment variable `ONEGO_CALENDARS` overrides).
enum CalendarLocator {
    /// The first existing candidate, or `nil`.
    static func path() -> String? {
        candidates().first { FileManager.default.fileExists(atPath: $0) }
    }

    /// Every place searched, in order.
    static func candidates() -> [String] {
        ResourceLocator.candidates(for: "Catalogs/calendars", environmentVariable: "ONEGO_CALENDARS")
    }
}
