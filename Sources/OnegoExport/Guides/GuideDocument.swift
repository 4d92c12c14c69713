/// One printable document for window staff or citizens (a 办事指南, 一次性告知单 or 收件清单), independent of format.
///
/// Builders fill it from the catalog; `HTMLGuideRenderer` and `MarkdownGuideRenderer` print the same content, so the
/// paper notice and the online guide cannot drift apart ("信息同源，内容一致"). Every string in a document is plain
/// text: renderers escape all of it.
public struct GuideDocument: Sendable, Hashable {
    /// What kind of document this is.
    public var kind: GuideKind
    /// The heading, e.g. 办事指南.
    public var title: String
    /// The item or matter name shown under the heading.
    public var subject: String
    /// Short facts printed under the heading (codes, dates).
    public var header: [GuideField]
    /// The numbered sections.
    public var sections: [GuideSection]
    /// A closing line (issue date, source).
    public var footer: String?

    /// Creates a document.
    public init(
        kind: GuideKind, title: String, subject: String, header: [GuideField] = [], sections: [GuideSection] = [],
        footer: String? = nil
    ) {
        self.kind = kind
        self.title = title
        self.subject = subject
        self.header = header
        self.sections = sections
        self.footer = footer
    }
}

/// The three documents a window works with.
public enum GuideKind: String, Sendable, Hashable, CaseIterable {
    /// 办事指南: every element of the item, for reading before applying.
    case guide
    /// 一次性告知单: the complete, one-time notice of what to bring, when, where and whom to call.
    case notice
    /// 收件清单: the window's intake checklist with a tick box per material.
    case checklist

    /// The Chinese name.
    public var label: String {
        switch self {
        case .guide: "办事指南"
        case .notice: "一次性告知单"
        case .checklist: "收件清单"
        }
    }
}

/// A titled part of a document.
public struct GuideSection: Sendable, Hashable {
    /// The section heading without its number.
    public var heading: String
    /// The content, in order.
    public var blocks: [GuideBlock]

    /// Creates a section.
    public init(_ heading: String, _ blocks: [GuideBlock]) {
        self.heading = heading
        self.blocks = blocks
    }
}

/// A labelled value. A blank field is a line to fill in by hand.
public struct GuideField: Sendable, Hashable {
    /// The label, e.g. 承诺办结时限.
    public var label: String
    /// The value; empty with `isBlank` for a line to fill in.
    public var value: String
    /// Whether the value is a blank to be written on paper.
    public var isBlank: Bool

    /// Creates a field with a value.
    public init(_ label: String, _ value: String) {
        self.label = label
        self.value = value
        self.isBlank = false
    }

    /// A field left blank for handwriting.
    public static func blank(_ label: String) -> GuideField {
        var field = GuideField(label, "")
        field.isBlank = true
        return field
    }
}

/// A table with a header row.
public struct GuideTable: Sendable, Hashable {
    /// Column headings.
    public var columns: [String]
    /// Rows of cells, each as many as the columns.
    public var rows: [[String]]
    /// Columns (by index) whose cells are short and centred: counts, marks, tick boxes.
    public var centred: Set<Int>

    /// Creates a table.
    public init(columns: [String], rows: [[String]], centred: Set<Int> = []) {
        self.columns = columns
        self.rows = rows
        self.centred = centred
    }
}

/// One piece of section content.
public enum GuideBlock: Sendable, Hashable {
    /// Label–value pairs.
    case fields([GuideField])
    /// A paragraph of running text.
    case paragraph(String)
    /// A highlighted remark (warnings, promises).
    case note(String)
    /// Handling-mode badges such as 即办, 秒批, 容缺受理.
    case badges([String])
    /// A bulleted list.
    case list([String])
    /// A table.
    case table(GuideTable)
    /// Space for signatures, the window's stamp and the date.
    case signatures([String])
}
