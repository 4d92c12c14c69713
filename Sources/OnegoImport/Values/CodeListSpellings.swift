import OnegoCatalog

/// The catalog's code lists as offices write them in lists and exports: 网上办理深度 as "Ⅲ级", "三级", "3级",
/// "四级（全程网办）" or by its meaning ("全程网办"); 通办范围 as "全市通办", "跨省通办". A spelling that is not one of
/// these stays unread (and is reported by the caller), never guessed.
enum CodeListSpellings {
    /// The depth a text names, or `nil`.
    static func onlineDepth(_ text: String) -> OnlineDepth? {
        let compact = text.filter { !$0.isWhitespace }
        if let digit = Int(compact), let depth = OnlineDepth(rawValue: digit) { return depth }
        let numerals: [(String, Int)] = [
            ("Ⅳ", 4), ("IV", 4), ("四", 4), ("4", 4), ("Ⅲ", 3), ("III", 3), ("三", 3), ("3", 3), ("Ⅱ", 2),
            ("II", 2), ("二", 2), ("2", 2), ("Ⅰ", 1), ("I", 1), ("一", 1), ("1", 1),
        ]
        // "Ⅲ级", "三级", "3级", "Ⅲ级（在线申办）", "第三级": a numeral right before 级, then nothing or a note in
        // brackets ("三级及以上" is no one depth).
        for (numeral, value) in numerals {
            for prefix in [numeral + "级", "第" + numeral + "级"] where compact.hasPrefix(prefix) {
                let rest = compact.dropFirst(prefix.count)
                if rest.isEmpty || rest.first == "（" || rest.first == "(" { return OnlineDepth(rawValue: value) }
            }
        }
        for (numeral, value) in numerals where compact == numeral { return OnlineDepth(rawValue: value) }
        let meanings: [(String, OnlineDepth)] = [
            ("全程网办", .fullyOnline), ("全流程网办", .fullyOnline), ("全程网上办理", .fullyOnline),
            ("在线申办", .onlineApplication), ("网上受理", .onlineApplication), ("在线受理", .onlineApplication),
            ("在线预审", .preReview), ("网上预审", .preReview), ("信息公开", .information), ("在线咨询", .information),
        ]
        return meanings.first { compact == $0.0 }?.1
    }

    /// The scope a text names ("全市通办" → 全市, "跨省通办" → 全国), or `nil`.
    static func crossScope(_ text: String) -> CrossScope? {
        let compact = text.filter { !$0.isWhitespace }
        if let scope = CrossScope(rawValue: compact) { return scope }
        let spellings: [String: CrossScope] = [
            "全国通办": .nationwide, "跨省通办": .nationwide, "全省通办": .province, "省内通办": .province,
            "跨市通办": .interCity, "跨城通办": .interCity, "跨市": .interCity, "全市通办": .city, "市内通办": .city,
            // 全区 is left out: in an autonomous region (广西, 新疆 …) it means the whole province.
            "全县通办": .county, "县域通办": .county, "全镇通办": .town,
            "全街通办": .town, "跨村通办": .interVillage,
        ]
        return spellings[compact]
    }
}
