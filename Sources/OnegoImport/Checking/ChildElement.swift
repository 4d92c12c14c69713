/// A material or result element of an item as written by `CatalogWriter` (the `n`th of its kind in the item), so
/// that a problem the catalog schema finds in it can be traced to the joined row it was built from.
struct ChildElement: Sendable, Hashable {
    /// Which list the element is in.
    enum Kind: String, Sendable {
        case material
        case result
    }

    var kind: Kind
    /// The 0-based position among the item's elements of this kind.
    var ordinal: Int

    private static let materialOpen = Array("      <material ".utf8)
    private static let materialClose = Array("      </material>".utf8)
    private static let resultOpen = Array("      <result ".utf8)

    /// The newlines in an item's `fragment` and the lines of its material and result elements, counting the
    /// fragment's first line as `firstLine`. A material with a note or standard spans to its closing tag; every
    /// other element is one line (attribute values never hold a raw newline or `<`).
    static func scan(
        _ fragment: String, firstLine: Int
    ) -> (newlines: Int, children: [(element: ChildElement, lines: ClosedRange<Int>)]) {
        var children: [(element: ChildElement, lines: ClosedRange<Int>)] = []
        var newlines = 0
        var materials = 0
        var results = 0
        var openMaterial: (ordinal: Int, line: Int)?
        let bytes = fragment.utf8
        var index = bytes.startIndex
        var atLineStart = true
        while index < bytes.endIndex {
            let byte = bytes[index]
            if atLineStart && byte == 0x20 {
                let line = firstLine + newlines
                let rest = bytes[index...]
                if rest.starts(with: materialOpen) {
                    if Self.endsSelfClosed(rest) {
                        children.append((ChildElement(kind: .material, ordinal: materials), line...line))
                    } else {
                        openMaterial = (materials, line)
                    }
                    materials += 1
                } else if rest.starts(with: resultOpen) {
                    children.append((ChildElement(kind: .result, ordinal: results), line...line))
                    results += 1
                } else if let open = openMaterial, rest.starts(with: materialClose) {
                    children.append((ChildElement(kind: .material, ordinal: open.ordinal), open.line...line))
                    openMaterial = nil
                }
            }
            atLineStart = byte == 10
            if atLineStart { newlines += 1 }
            index = bytes.index(after: index)
        }
        return (newlines, children)
    }

    /// Whether the line starting at `rest` ends with `/>`.
    private static func endsSelfClosed(_ rest: Substring.UTF8View) -> Bool {
        let line = rest.prefix { $0 != 10 }
        return line.count >= 2 && line.suffix(2).elementsEqual("/>".utf8)
    }

    /// The field an element or attribute named in a schema message stands for (`result.delivery`,
    /// `material.note`): the attribute in `… attribute 'delivery': …`, else the innermost element named
    /// (`Element 'note': …`) when it is not the child element itself.
    func target(in message: String) -> FieldTarget? {
        if let start = message.firstRange(of: "attribute '")?.upperBound,
            let end = message[start...].firstIndex(of: "'")
        {
            return FieldTarget(rawValue: kind.rawValue + "." + message[start..<end])
        }
        if let start = message.firstRange(of: "Element '")?.upperBound, let end = message[start...].firstIndex(of: "'")
        {
            let name = message[start..<end]
            return name == kind.rawValue ? nil : FieldTarget(rawValue: kind.rawValue + "." + name)
        }
        return nil
    }
}
