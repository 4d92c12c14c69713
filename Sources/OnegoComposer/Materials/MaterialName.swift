/// Normalises material names so the same document written differently merges into one line.
public enum MaterialName {
    /// The comparison form of a name: white space removed (including the ideographic space U+3000),
    /// full-width ASCII (U+FF01–U+FF5E: letters, digits, brackets, punctuation) made half-width, letters
    /// upper-cased. `" 营业执照（副本） "` and `"营业执照(副本)"` normalise alike.
    public static func normalized(_ name: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            if scalar.properties.isWhitespace || scalar.value == 0x3000 { continue }
            var value = scalar.value
            if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 }
            if (0x61...0x7A).contains(value) { value -= 0x20 }
            if let mapped = Unicode.Scalar(value) { scalars.append(mapped) }
        }
        return String(scalars)
    }
}
