import OnegoExport

/// Marks the controls of a refused form as described by the message that says why it was refused.
enum RefusalMarkup {
    /// `fields` with `aria-describedby="id"` added to every visible `input`, `select` and `textarea` that has no
    /// description yet (a control already described by its field's problem keeps that one).
    static func describing(_ fields: HTML, by id: String) -> HTML {
        var out = ""
        var rest = Substring(fields.text)
        while let open = rest.firstIndex(of: "<") {
            out += rest[..<open]
            rest = rest[open...]
            guard let close = rest.firstIndex(of: ">") else { break }
            let tag = rest[...close]
            rest = rest[rest.index(after: close)...]
            let isControl = ["<input ", "<select ", "<select>", "<textarea ", "<textarea>"].contains {
                tag.hasPrefix($0)
            }
            guard isControl, !tag.contains("type=\"hidden\""), !tag.contains("aria-describedby=") else {
                out += tag
                continue
            }
            let nameEnd = tag.firstIndex { $0 == " " || $0 == ">" } ?? tag.endIndex
            out += tag[..<nameEnd] + " aria-describedby=\"\(id)\"" + tag[nameEnd...]
        }
        out += rest
        return HTML(raw: out)
    }
}
