import OnegoCatalog

/// One item written once as catalog XML: the very bytes the check document and the output file both hold, with
/// its newline count and the lines (counted from the fragment's first line, 0) of its material and result
/// elements, so that a problem the check finds can be traced to the joined row it came from.
struct ItemFragment: Sendable {
    var bytes: [UInt8]
    var newlines: Int
    var children: [(element: ChildElement, lines: ClosedRange<Int>)]

    /// The `<item>` element of `item` (an item's element does not depend on the file's header).
    init(_ item: ServiceItem) {
        var text = ""
        CatalogWriter().write(item, to: &text)
        let scanned = ChildElement.scan(text, firstLine: 0)
        bytes = Array(text.utf8)
        newlines = scanned.newlines
        children = scanned.children
    }
}
