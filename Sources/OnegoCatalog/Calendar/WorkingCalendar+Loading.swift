import Foundation
public import OnegoBase
import OnegoResources
import OnegoXML

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
    ///   - schemaPath: the schema to validate with; by default as ``SchemaLocator`` finds it.
    /// - Returns: the calendar and every diagnostic, sorted by file, line and column.
    public static func load(paths: [String], schemaPath: String? = nil) -> (
        calendar: WorkingCalendar, diagnostics: [Diagnostic]
    ) {
        var diagnostics: [Diagnostic] = []
        let inputs = InputFiles.expand(paths, diagnostics: &diagnostics)
        let sources = inputs.map { input in
            CalendarSource(name: input.path, fromFolder: input.fromFolder) { parser, reader in
                parser.parse(contentsOf: input.path, into: reader)
            }
        }
        return load(sources, described: paths.joined(separator: "、"), schemaPath: schemaPath, diagnostics: diagnostics)
    }

    /// Loads the calendar built into the binary (`Catalogs/calendars/` at build time), checked as files are.
    public static func loadBuiltIn() -> (calendar: WorkingCalendar, diagnostics: [Diagnostic]) {
        let sources = EmbeddedResource.inFolder("Catalogs/calendars").filter { $0.path.hasSuffix(".xml") }.map {
            resource in
            CalendarSource(name: "内置/" + resource.path, fromFolder: true) { parser, reader in
                parser.parse(bytes: resource.bytes, name: "内置/" + resource.path, into: reader)
            }
        }
        return load(sources, described: "内置 Catalogs/calendars", schemaPath: nil, diagnostics: [])
    }

    private static func load(
        _ inputs: [CalendarSource], described: String, schemaPath: String?, diagnostics: [Diagnostic]
    ) -> (calendar: WorkingCalendar, diagnostics: [Diagnostic]) {
        var diagnostics = diagnostics
        let schema: XMLSchema
        do {
            schema = try SchemaLocator.schema(for: .calendar, at: schemaPath)
        } catch let diagnostic {
            return (WorkingCalendar(years: []), [diagnostic])
        }
        let parser = XMLStreamParser(schema: schema)
        var years: [CalendarYear] = []
        var firstFile: [Int: CalendarYear] = [:]
        for input in inputs {
            let reader = CalendarFileReader(skipsOtherOnegoDocuments: input.fromFolder, isValidated: true)
            var found = input.parse(parser, reader)
            if reader.root == .otherOnego && input.fromFolder { continue }
            guard var year = reader.year else {
                diagnostics += found
                continue
            }
            if !found.containsErrors {
                found += CalendarYearChecks.run(on: year, file: input.name)
            }
            diagnostics += found
            guard !found.containsErrors else { continue }
            if let first = firstFile[year.year] {
                diagnostics.append(
                    Diagnostic(
                        .error, rule: .calendarDuplicateYear,
                        message: "\(year.year) 年的节假日安排重复出现（首次见于 \(first.location?.file ?? "另一文件")），已忽略此文件",
                        at: year.location, related: first.location.map { [$0] } ?? []))
                continue
            }
            year.location = year.location ?? SourceLocation(file: input.name, line: 0, column: 0)
            firstFile[year.year] = year
            years.append(year)
        }
        if years.isEmpty && !diagnostics.containsErrors {
            diagnostics.append(
                Diagnostic(
                    .error, rule: .ioNoCalendar,
                    message: "\(described) 中没有工作日历文件"
                        + "（根元素为 <calendar xmlns=\"\(OnegoNamespace.calendar)\"> 的 .xml 文件）"))
        }
        return (WorkingCalendar(years: years), diagnostics.sortedByLocation())
    }

    /// Loads the working-day calendar every command uses by default: the file or folder named by the
    /// `ONEGO_CALENDARS` environment variable when it is set, else the calendar built into the binary.
    ///
    /// - Throws: a ``Diagnostic`` when `ONEGO_CALENDARS` names nothing or a calendar file has an error (the first one).
    public static func loadDefault() throws(Diagnostic) -> WorkingCalendar {
        let (calendar, diagnostics): (WorkingCalendar, [Diagnostic])
        if let folder = CalendarLocator.overridePath {
            guard FileManager.default.fileExists(atPath: folder) else {
                throw Diagnostic(
                    .error, rule: .ioNoCalendar,
                    message: "找不到工作日历目录 \(folder)：请检查环境变量 \(CalendarLocator.environmentVariable)，"
                        + "或取消该设置以使用程序内置的日历")
            }
            (calendar, diagnostics) = load(paths: [folder])
        } else {
            (calendar, diagnostics) = loadBuiltIn()
        }
        if let error = diagnostics.first(where: { $0.severity == .error }) { throw error }
        return calendar
    }
}

/// One calendar document to read: a file, or a calendar built into the binary.
private struct CalendarSource {
    let name: String
    let fromFolder: Bool
    let parse: (XMLStreamParser, CalendarFileReader) -> [Diagnostic]
}

/// Where the default calendar comes from: the `ONEGO_CALENDARS` override, else the built-in calendar.
public enum CalendarLocator {
    /// The environment variable naming a calendar file or folder that replaces the built-in calendar.
    public static let environmentVariable = "ONEGO_CALENDARS"

    /// The file or folder named by `ONEGO_CALENDARS`, or `nil` when the built-in calendar is used.
    public static var overridePath: String? {
        guard let path = ProcessInfo.processInfo.environment[environmentVariable], !path.isEmpty else { return nil }
        return path
    }
}
