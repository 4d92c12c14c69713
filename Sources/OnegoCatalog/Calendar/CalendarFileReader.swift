import OnegoBase
import OnegoXML

/// Builds a ``CalendarYear`` from the events of one calendar file as they stream by.
///
/// With a schema the values are already checked, so bad values only matter for trusted (unvalidated) reads;
/// either way they become diagnostics, never crashes.
final class CalendarFileReader: XMLContentHandler {
    /// What the file turned out to be.
    enum RootKind: Equatable {
        case unknown
        case calendar
        /// Another onego document (catalog, matter …).
        case otherOnego
        case foreign
    }

    private(set) var root: RootKind = .unknown
    private(set) var year: CalendarYear?
    /// Stop at the root when it is another onego document, instead of reporting it.
    let skipsOtherOnegoDocuments: Bool
    /// Whether a schema checks the values; then bad values are left to it instead of being reported twice.
    let isValidated: Bool

    init(skipsOtherOnegoDocuments: Bool, isValidated: Bool) {
        self.skipsOtherOnegoDocuments = skipsOtherOnegoDocuments
        self.isValidated = isValidated
    }

    func startElement(_ name: XMLName, attributes: [XMLAttribute], context: XMLParseContext) {
        if context.depth == 1 {
            readRoot(name, attributes: attributes, context: context)
            return
        }
        guard root == .calendar, context.depth == 2, name.namespaceURI == OnegoNamespace.calendar else { return }
        let values = Attributes(attributes)
        switch name.localName {
        case "holiday":
            guard let from = date(values["from"], "from", context), let to = date(values["to"], "to", context) else {
                return
            }
            year?.holidays.append(
                HolidayPeriod(name: values["name"] ?? "", from: from, to: to, location: context.tagLocation))
        case "workday":
            guard let day = date(values["date"], "date", context) else { return }
            year?.makeUpWorkdays.append(
                MakeUpWorkday(date: day, reason: values["reason"] ?? "", location: context.tagLocation))
        default:
            break
        }
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>, context: XMLParseContext) {}

    func endElement(_ name: XMLName, context: XMLParseContext) {}

    private func readRoot(_ name: XMLName, attributes: [XMLAttribute], context: XMLParseContext) {
        if name.namespaceURI == OnegoNamespace.calendar && name.localName == "calendar" {
            root = .calendar
            let values = Attributes(attributes)
            guard let text = values["year"], let number = Int(text), (1...9999).contains(number) else {
                if isValidated { return }
                context.abort(
                    Diagnostic(
                        .error, rule: .calendarValue,
                        message: "<calendar> 的 year 属性“\(values["year"] ?? "")”无效：应为四位年份",
                        at: context.tagLocation))
                return
            }
            var declared: Int?
            if let total = values["workingDays"] {
                declared = Int(total)
                if declared == nil && !isValidated {
                    context.report(
                        Diagnostic(
                            .error, rule: .calendarValue, message: "<calendar> 的 workingDays 属性“\(total)”无效",
                            at: context.tagLocation))
                }
            }
            year = CalendarYear(
                year: number, source: values["source"] ?? "", document: values["document"],
                published: values["published"].flatMap { date($0, "published", context) },
                holidays: [], makeUpWorkdays: [], declaredWorkingDays: declared, location: context.tagLocation)
            return
        }
        if OnegoNamespace.isOnego(name.namespaceURI) {
            root = .otherOnego
            if skipsOtherOnegoDocuments {
                context.abort(
                    Diagnostic(
                        .note, rule: .calendarSkipped, message: "不是工作日历文件（\(name.localName)），已跳过",
                        at: context.tagLocation))
                return
            }
        } else {
            root = .foreign
        }
        let found =
            name.namespaceURI.isEmpty
            ? "<\(name.localName)>（无命名空间）" : "<\(name.localName)>（命名空间 \(name.namespaceURI)）"
        context.abort(
            Diagnostic(
                .error, rule: .calendarRoot,
                message: "根元素应为 <calendar xmlns=\"\(OnegoNamespace.calendar)\">，实为 \(found)",
                at: context.tagLocation))
    }

    /// Parses a date attribute, reporting a missing or malformed one.
    private func date(_ text: String?, _ attribute: String, _ context: XMLParseContext) -> CalendarDay? {
        if let text, let day = CalendarDay(iso: text) { return day }
        if isValidated { return nil }
        context.report(
            Diagnostic(
                .error, rule: .calendarValue,
                message: CalendarDay.invalidText("\(attribute) 属性", text ?? ""), at: context.tagLocation))
        return nil
    }

    /// An element's attributes by local name, copied out of the parser's buffer.
    private struct Attributes {
        private var values: [String: String] = [:]

        init(_ attributes: [XMLAttribute]) {
            for attribute in attributes where attribute.name.namespaceURI.isEmpty {
                values[attribute.name.localName] = attribute.stringValue
            }
        }

        subscript(_ name: String) -> String? { values[name] }
    }
}
