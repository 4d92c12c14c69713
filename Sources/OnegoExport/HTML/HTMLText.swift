/// Escaping for HTML output. Every piece of catalog text that reaches an HTML page goes through here.
public enum HTMLText {
    /// Escapes `&`, `<`, `>`, `"` and `'` for use in element content and quoted attribute values.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Makes JSON text safe inside an inline `<script>` element: `<`, `>` and `&` become `\u003c`, `\u003e` and
    /// `\u0026` (so `</script>` and `<!--` cannot appear), and U+2028/U+2029 become escapes (older JavaScript parsers
    /// end a line there). The input must be JSON, where these characters can only occur inside strings.
    public static func scriptJSON(_ json: String) -> String {
        var result = ""
        result.reserveCapacity(json.utf8.count)
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": result += "\\u003c"
            case ">": result += "\\u003e"
            case "&": result += "\\u0026"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
