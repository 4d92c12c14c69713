/// Whose document a material is (持有人): the same 居民身份证 of the mother and of the father are two lines.
///
/// The catalog and matter schemas accept the ``known`` holders, and any other holder written as
/// `其他：名称` (e.g. `其他：房屋产权人`), so an office can add a holder without a release. Materials merge across
/// member items only when their document and their holder are the same.
public enum MaterialHolder {
    /// The holders the schemas list, in the order guides usually name them.
    public static let known: [String] = [
        "申请人本人", "法定代表人", "负责人", "经办人", "代理人", "股东", "董事", "监事", "财务负责人", "经营者", "配偶",
        "新生儿母亲", "新生儿父亲", "监护人", "新生儿", "退休人员", "单位",
    ]

    /// The prefix of an extension holder: `其他：房屋产权人`.
    public static let extensionPrefix = "其他："

    /// Whether `holder` is a known holder or a well-formed extension.
    public static func isValid(_ holder: String) -> Bool {
        known.contains(holder)
            || (holder.hasPrefix(extensionPrefix) && holder.count > extensionPrefix.count)
    }

    /// The short form printed after a material's name: `新生儿母亲` → `母亲`, `其他：房屋产权人` → `房屋产权人`; empty
    /// for `单位` (a company's own licence needs no suffix).
    public static func shortLabel(_ holder: String) -> String {
        if holder.hasPrefix(extensionPrefix) { return String(holder.dropFirst(extensionPrefix.count)) }
        switch holder {
        case "新生儿母亲": return "母亲"
        case "新生儿父亲": return "父亲"
        case "申请人本人": return "申请人"
        case "单位": return ""
        default: return holder
        }
    }
}
