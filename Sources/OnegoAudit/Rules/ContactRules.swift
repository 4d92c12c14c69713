import OnegoBase
import OnegoCatalog

/// Consultation and complaint phones, address and hours.
enum ContactRules {
    static let all: [AuditRule] = [
        .item(
            "contact.phone-missing", .error, .contact, title: "须有咨询电话和投诉电话",
            explanation: "办事指南须公布咨询电话和监督投诉电话。"
        ) { item, context in
            var issues: [RuleIssue] = []
            if context.phone(item.contact.phone).isBlank { issues.append(RuleIssue("\(item.label)未填写咨询电话")) }
            if context.phone(item.contact.complaintPhone).isBlank {
                issues.append(RuleIssue("\(item.label)未填写投诉电话"))
            }
            return issues
        },
        .item(
            "contact.phones-identical", .warning, .contact, title: "咨询与投诉电话应不同",
            explanation: "投诉电话用于监督办理部门，不应与该部门的咨询电话相同。"
        ) { item, context in
            let phone = context.phone(item.contact.phone).digits
            guard !phone.isEmpty, phone == context.phone(item.contact.complaintPhone).digits else { return [] }
            return [RuleIssue("\(item.label)的咨询电话与投诉电话相同（\(item.contact.phone)）")]
        },
        .item(
            "contact.area-code", .warning, .contact, title: "电话须带区号",
            explanation: "固定电话须带长途区号（如 020-），便于外地申请人拨打；全国服务热线（12345、12333、12366 等）、400/800 号码和手机号除外。"
        ) { item, context in
            var issues: [RuleIssue] = []
            for (label, value) in [("咨询电话", item.contact.phone), ("投诉电话", item.contact.complaintPhone)] {
                let facts = context.phone(value)
                guard !facts.isBlank, !facts.hasAreaCode else { continue }
                issues.append(RuleIssue("\(item.label)的\(label)“\(value)”没有区号"))
            }
            return issues
        },
        .item(
            "contact.address-hours", .warning, .contact, title: "须有办理地点和时间",
            explanation: "窗口办理的事项须公布办理地点和办公时间。"
        ) { item, _ in
            var missing: [String] = []
            if item.contact.addressState == nil && item.contact.address.isBlank { missing.append("办理地点") }
            if item.contact.hoursState == nil && item.contact.hours.isBlank { missing.append("办理时间") }
            guard !missing.isEmpty else { return [] }
            return [RuleIssue("\(item.label)未填写\(missing.joined(separator: "和"))")]
        },
        .item(
            "contact.venue-state", .note, .contact, title: "办理地点或时间无数据",
            explanation: "办理地点、办理时间标为“无线下窗口”或“未公布”的事项：没有数据，列出备查，不按缺失值计算；标为无线下窗口却含窗口办理的，须核对。"
        ) { item, _ in
            let contact = item.contact
            var stated: [String] = []
            if let state = contact.addressState { stated.append("办理地点\(state.rawValue)") }
            if let state = contact.hoursState { stated.append("办理时间\(state.rawValue)") }
            guard !stated.isEmpty else { return [] }
            var message = "\(item.label)\(stated.joined(separator: "，"))（无数据）"
            if contact.addressState == .noWindow && item.handlingForms.contains(.window) {
                message += "，但办理形式含窗口办理，须核对"
            }
            return [RuleIssue(message)]
        },
    ]
}

/// Phone-number shapes used by the contact rules.
enum PhoneText {
    /// The digits of a number, without separators.
    static func digits(_ text: String) -> String {
        String(decoding: text.utf8.filter { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }, as: UTF8.self)
    }

    /// Whether every number in the published text carries a long-distance area code (0 + 2–3 digits, then 5–8
    /// digits), or needs none (national hotlines such as 12345, mobile numbers, 400/800 numbers). Reads the
    /// normalised list (``OnegoCatalog/PhoneNumber``); text that holds no recognisable number is judged whole.
    static func hasAreaCode(_ text: String) -> Bool {
        let numbers = OnegoCatalog.PhoneNumber.parseList(text).numbers
        if !numbers.isEmpty { return numbers.allSatisfy(\.hasAreaCodeOrNeedsNone) }
        let trimmed = text.trimmed
        // An extension after 转 or a second hyphen does not matter.
        let main = trimmed.split(separator: "转").first.map(String.init) ?? trimmed
        let d = digits(main)
        if d.count == 11 && d.hasPrefix("1") && !main.contains("-") { return true }
        if (d.hasPrefix("400") || d.hasPrefix("800")) && d.count == 10 { return true }
        guard d.hasPrefix("0"), d.count >= 8, d.count <= 12 else { return false }
        let second = d.dropFirst().first ?? "0"
        return second != "0"
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    var trimmed: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
