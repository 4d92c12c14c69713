public import OnegoBase
public import OnegoCatalog
import OnegoXML

/// One waiver: a rule switched off for one item (with a reason and an expiry date), or for the whole catalog.
public struct Waiver: Sendable, Hashable, Codable {
    /// The rule ID.
    public var rule: String
    /// The item code, or `nil` when the rule is switched off globally.
    public var item: String?
    /// Why the finding is accepted.
    public var reason: String
    /// The last day the waiver holds; `nil` for a global switch-off without end.
    public var expires: CalendarDay?
    /// Where the waiver is written.
    public var location: SourceLocation

    /// Creates a waiver.
    public init(rule: String, item: String?, reason: String, expires: CalendarDay?, location: SourceLocation) {
        self.rule = rule
        self.item = item
        self.reason = reason
        self.expires = expires
        self.location = location
    }

    /// Whether the waiver has expired on `today` (it holds through its expiry date).
    public func isExpired(on today: CalendarDay) -> Bool { expires.map { $0 < today } ?? false }
}

/// The waivers of one file (`Schemas/waivers.xsd`, namespace `urn:onego:waivers:1`).
public struct WaiverSet: Sendable, Hashable {
    /// Every waiver in file order.
    public var waivers: [Waiver]

    /// Creates a set.
    public init(waivers: [Waiver] = []) { self.waivers = waivers }

    /// Reads a waiver file, validating it against `waivers.xsd`.
    ///
    /// - Returns: the waivers and the problems found reading them (errors mean the file was not used whole).
    public static func load(path: String, schemaPath: String? = nil) -> (WaiverSet, [Diagnostic]) {
        let (elements, diagnostics) = SmallDocument.read(
            path: path, kind: .waivers, namespace: OnegoNamespace.waivers, schemaPath: schemaPath)
        var problems = diagnostics
        var result: [Waiver] = []
        for element in elements where element.name == "waive" || element.name == "disable" {
            let rule = element.attributes["rule"] ?? ""
            let item = element.name == "waive" ? element.attributes["item"] : nil
            var expires: CalendarDay?
            if let text = element.attributes["expires"] {
                expires = CalendarDay(iso: text)
                if expires == nil {
                    problems.append(
                        Diagnostic(
                            .error, rule: .xmlSchema, message: CalendarDay.invalidText("豁免的到期日期", text),
                            at: element.location))
                    continue
                }
            }
            result.append(
                Waiver(rule: rule, item: item, reason: element.text, expires: expires, location: element.location))
        }
        return (WaiverSet(waivers: result), problems)
    }

    /// What applying waivers to findings gives.
    public struct Outcome: Sendable {
        /// Findings still active, plus findings about the waivers themselves.
        public var findings: [Finding]
        /// Findings that a valid waiver silenced.
        public var waived: [WaivedFinding]
    }

    /// Silences the findings that an unexpired waiver covers, and reports expired, unknown and unused waivers.
    public func apply(
        to findings: [Finding], today: CalendarDay, registry: RuleRegistry, isKnownItem: (String) -> Bool
    ) -> Outcome {
        var active: [Finding] = []
        var waived: [WaivedFinding] = []
        var used = Set<Int>()
        var byRuleItem: [String: Int] = [:]
        var global: [String: Int] = [:]
        for (index, waiver) in waivers.enumerated() where !waiver.isExpired(on: today) {
            if let item = waiver.item {
                if byRuleItem[waiver.rule + "\u{1}" + item] == nil { byRuleItem[waiver.rule + "\u{1}" + item] = index }
            } else if global[waiver.rule] == nil {
                global[waiver.rule] = index
            }
        }
        for finding in findings {
            let index =
                global[finding.rule.rawValue]
                ?? (byRuleItem.isEmpty
                    ? nil : finding.item.flatMap { byRuleItem[finding.rule.rawValue + "\u{1}" + $0] })
            if let index {
                used.insert(index)
                let waiver = waivers[index]
                waived.append(
                    WaivedFinding(
                        finding: finding, reason: waiver.reason, expires: waiver.expires, isGlobal: waiver.item == nil))
            } else {
                active.append(finding)
            }
        }
        for (index, waiver) in waivers.enumerated() {
            let target = waiver.item.map { "事项 \($0) 的" } ?? "全局"
            if !registry.contains(waiver.rule) {
                active.append(
                    Finding(
                        rule: .waiversUnknownRule, severity: .error, item: waiver.item,
                        message: "豁免引用的规则“\(waiver.rule)”不存在（用 onego rules 查看规则表）", location: waiver.location))
                continue
            }
            if let item = waiver.item, !isKnownItem(item) {
                active.append(
                    Finding(
                        rule: .waiversUnknownItem, severity: .warning, item: item,
                        message: "豁免（规则 \(waiver.rule)）引用的事项编码“\(item)”不在目录中", location: waiver.location))
                continue
            }
            if let expires = waiver.expires, waiver.isExpired(on: today) {
                active.append(
                    Finding(
                        rule: .waiversExpired, severity: .warning, item: waiver.item,
                        message:
                            "\(target)豁免（规则 \(waiver.rule)，理由“\(waiver.reason)”）已于 \(expires) 到期（今天 \(today)），不再生效",
                        location: waiver.location))
                continue
            }
            if !used.contains(index) {
                active.append(
                    Finding(
                        rule: .waiversUnused, severity: .note, item: waiver.item,
                        message: "\(target)豁免（规则 \(waiver.rule)）没有对应的发现，可以删除", location: waiver.location))
            }
        }
        return Outcome(findings: active, waived: waived)
    }
}
