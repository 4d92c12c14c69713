/// A piece of HTML markup whose string interpolation escapes by default.
///
/// Literal text is markup written by onego; an interpolated `String` (catalog text, user input) is escaped with
/// ``HTMLText/escape(_:)``; an interpolated `HTML` is kept as it is; `\(raw: text)` keeps trusted markup (a style
/// sheet, a policy) unescaped and is the only way to do so.
///
/// ```swift
/// let name = "<b>营业执照</b>"
/// let cell: HTML = "<td>\(name)</td>"          // <td>&lt;b&gt;营业执照&lt;/b&gt;</td>
/// let row: HTML = "<tr>\(cell)</tr>"            // the cell unchanged
/// ```
public struct HTML: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringInterpolation {
    /// The markup.
    public private(set) var text: String

    /// Trusted markup, kept as it is.
    public init(raw text: String) { self.text = text }

    /// A literal: markup written by onego.
    public init(stringLiteral value: String) { text = value }

    /// A literal with interpolations, each escaped unless it is ``HTML`` or marked `raw:`.
    public init(stringInterpolation interpolation: StringInterpolation) { text = interpolation.text }

    /// The markup.
    public var description: String { text }

    /// The markup of `parts` one after the other.
    public static func joined(_ parts: some Sequence<HTML>, separator: HTML = "") -> HTML {
        HTML(raw: parts.map(\.text).joined(separator: separator.text))
    }

    /// `left` followed by `right`.
    public static func + (left: HTML, right: HTML) -> HTML { HTML(raw: left.text + right.text) }

    /// Appends `other`.
    public static func += (left: inout HTML, right: HTML) { left.text += right.text }

    /// Builds markup from literals and escaped values.
    public struct StringInterpolation: StringInterpolationProtocol {
        var text = ""

        /// Reserves room for the literal text and a little for each value, as the standard library's interpolation
        /// does; a literal that fits a small string (15 bytes of UTF-8) reserves nothing, so it needs no allocation.
        public init(literalCapacity: Int, interpolationCount: Int) {
            let capacity = literalCapacity + 2 * interpolationCount
            if capacity > 15 { text.reserveCapacity(capacity) }
        }

        /// Markup written by onego.
        public mutating func appendLiteral(_ literal: String) { text += literal }

        /// Text, escaped.
        public mutating func appendInterpolation(_ value: String) { text += HTMLText.escape(value) }

        /// A number, as written by Swift.
        public mutating func appendInterpolation(_ value: Int) { text += String(value) }

        /// A number, as written by Swift (`184.0`).
        public mutating func appendInterpolation(_ value: Double) { text += String(value) }

        /// Markup, kept.
        public mutating func appendInterpolation(_ html: HTML) { text += html.text }

        /// Trusted markup, kept as it is.
        public mutating func appendInterpolation(raw markup: String) { text += markup }
    }
}
