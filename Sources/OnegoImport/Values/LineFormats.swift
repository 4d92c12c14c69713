import Foundation
public import OnegoCatalog

/// The template workbook's lossless text forms for structured values, one entry per line; the writer and the
/// `provisions`, `procedures` and `steps` parsers share them so a round trip gives equal items.
public enum LineFormats {
    /// `20个工作日`, or `20个工作日 说明` with the limit's note.
    public static func limit(_ limit: TimeLimit) -> String {
        limit.note.map { limit.description + " " + $0 } ?? limit.description
    }

    /// `《法律名称》第几条：条文` per provision.
    public static func provisions(_ provisions: [LegalProvision]) -> String {
        provisions.map { "《\($0.law)》\($0.article ?? "")" + ($0.text.isEmpty ? "" : "：\($0.text)") }.joined(
            separator: "\n")
    }

    /// Parses ``provisions(_:)``; a line without 《》 is a law name with no text. The law name may itself hold
    /// 《》 (a notice about 《纳税记录》), so the name ends at the last 》 before the first ：.
    public static func provisions(_ text: String) -> [LegalProvision] {
        lines(text).map { line in
            let colon = line.firstIndex(of: "：") ?? line.endIndex
            let head = line[..<colon]
            guard line.hasPrefix("《"), let close = head.lastIndex(of: "》") else {
                return LegalProvision(law: line)
            }
            let law = String(line[line.index(after: line.startIndex)..<close])
            let article = String(head[head.index(after: close)...])
            let body = colon < line.endIndex ? String(line[line.index(after: colon)...]) : ""
            return LegalProvision(law: law, article: article.isEmpty ? nil : article, text: body)
        }
    }

    /// `听证（20个工作日）：说明` per procedure.
    public static func procedures(_ procedures: [SpecialProcedure]) -> String {
        procedures.map { entry(entry: $0.kind.rawValue, limit: $0.limit, tail: $0.note) }.joined(separator: "\n")
    }

    /// Parses ``procedures(_:)``; `nil` entries name a kind outside the code list.
    public static func procedures(_ text: String) -> [(line: String, procedure: SpecialProcedure?)] {
        lines(text).map { line in
            let (head, limit, tail) = split(line)
            return (
                line, SpecialProcedureKind(rawValue: head).map { SpecialProcedure(kind: $0, limit: limit, note: tail) }
            )
        }
    }

    /// `受理（1个工作日）：窗口受理人员` per step.
    public static func steps(_ steps: [ProcessStep]) -> String {
        steps.map { entry(entry: $0.name, limit: $0.limit, tail: $0.role) }.joined(separator: "\n")
    }

    /// Parses ``steps(_:)``.
    public static func steps(_ text: String) -> [ProcessStep] {
        lines(text).map { line in
            let (head, limit, tail) = split(line)
            return ProcessStep(name: head, limit: limit, role: tail)
        }
    }

    private static func entry(entry: String, limit: TimeLimit?, tail: String?) -> String {
        var text = entry
        if let limit { text += "（\(limit.description)）" }
        if let tail { text += "：" + tail }
        return text
    }

    private static func split(_ line: String) -> (String, TimeLimit?, String?) {
        var head = line
        var tail: String?
        var limit: TimeLimit?
        if let colon = line.firstIndex(of: "：") {
            head = String(line[..<colon])
            tail = String(line[line.index(after: colon)...])
        }
        if let open = head.firstIndex(of: "（"), head.hasSuffix("）") {
            let inner = String(head[head.index(after: open)..<head.index(before: head.endIndex)])
            if case .limit(let parsed)? = TimeLimitText.parse(inner) {
                limit = parsed
                head = String(head[..<open])
            }
        }
        return (head, limit, tail)
    }

    /// The non-empty lines of `text`, split on "\n" and "\r\n" (a lone "\r" stays in its line). Works on UTF-8
    /// bytes: every 0x0A byte is the character "\n" or ends "\r\n", whose "\r" then goes with it.
    private static func lines(_ text: String) -> [String] {
        let bytes = text.utf8
        var out: [String] = []
        var start = bytes.startIndex
        var at = start
        while at < bytes.endIndex {
            if bytes[at] == 0x0A {
                var end = at
                if end > start, bytes[bytes.index(before: end)] == 0x0D { end = bytes.index(before: end) }
                if end > start { out.append(String(text[start..<end])) }
                start = bytes.index(after: at)
            }
            at = bytes.index(after: at)
        }
        if start < bytes.endIndex { out.append(String(text[start...])) }
        return out
    }
}
