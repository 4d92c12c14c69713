public import OnegoCatalog

/// Renders one item as plain text laid out like a 办事指南, for terminals and `onego show`.
public enum ItemText {
    /// The item's guide elements, one labelled block each, in the standard order.
    public static func render(_ item: ServiceItem) -> String {
        var out = TextBlock()
        out.title(item.name)
        out.field("事项类型", item.type.label)
        out.field("基本编码", item.codes.basic)
        out.field("实施编码", item.codes.implementation)
        if let handling = item.codes.handling { out.field("业务办理项编码", handling) }
        out.field(
            "实施主体",
            "\(item.implementingBody.name)（\(item.implementingBody.nature.rawValue)，统一社会信用代码 \(item.implementingBody.creditCode)）"
        )
        out.field("责任部门", item.department)
        out.field("行使层级", item.level.label)
        out.field("服务对象", item.serviceObjects.map(\.rawValue).joined(separator: "、"))
        out.field("办件类型", item.handling.rawValue)
        if let statutory = item.statutoryLimit {
            out.field("法定办结时限", statutory.description + (statutory.note.map { "（\($0)）" } ?? ""))
        } else {
            out.field("法定办结时限", "无")
        }
        out.field(
            "承诺办结时限",
            item.promisedLimit.map { $0.description + ($0.note.map { "（\($0)）" } ?? "") }
                ?? PublishedState.notPublished.rawValue)
        for procedure in item.specialProcedures {
            out.field(
                "特别程序",
                procedure.kind.rawValue + (procedure.limit.map { " \($0)" } ?? "")
                    + (procedure.note.map { "（\($0)）" } ?? ""))
        }
        out.field("到现场次数", "\(item.visits) 次" + (item.visitReason.map { "（\($0)）" } ?? ""))
        out.field("网上办理", item.online.isAvailable ? "可网办，\(item.online.depth.label)" : "不可网办")
        out.field("办理形式", item.handlingForms.map(\.rawValue).joined(separator: "、"))
        out.field("办理方式", badges(for: item).joined(separator: " "))
        if let cross = item.crossRegion {
            out.field("通办范围", cross.scope.rawValue + (cross.mode.map { "（\($0.rawValue)）" } ?? ""))
        }
        out.field("是否收费", item.fee.isCharged ? "收费" : "不收费")
        for fee in item.fee.items {
            out.line("    \(fee.name)：\(fee.standard)" + (fee.basis.map { "（依据：\($0)）" } ?? ""))
        }
        if let conditions = item.conditions { out.field("受理条件", conditions) }
        if !item.legalBasis.isEmpty {
            out.line("设定依据：")
            for law in item.legalBasis {
                out.line("    " + law.display)
            }
        }
        out.line("申请材料：")
        for (index, material) in item.materials.enumerated() {
            // What the source did not say is said once ("必要性、形式、来源未注明"), not as three 未注明.
            var facts: [String] = []
            var unstated: [String] = []
            for (stated, label) in [
                (material.necessity == .unspecified ? nil : material.necessity.rawValue, "必要性"),
                (material.form == .unspecified ? nil : material.form.rawValue, "形式"),
                (material.source == .unspecified ? nil : material.source.label, "来源"),
            ] {
                if let stated { facts.append(stated) } else { unstated.append(label) }
            }
            if !unstated.isEmpty { facts.append(unstated.joined(separator: "、") + "未注明") }
            if material.originals > 0 { facts.append("原件\(material.originals)份") }
            if material.copies > 0 { facts.append("复印件\(material.copies)份") }
            if let licence = material.eLicence { facts.append("可用电子证照：\(licence)") }
            if material.supplyDays != nil, let limit = ItemFacts.supplyLimit(material, of: item) {
                facts.append("容缺后\(limit)内补齐")
            }
            out.line("    \(index + 1). \(material.name)（\(facts.joined(separator: "，"))）")
        }
        if !item.steps.isEmpty {
            out.line(
                "办理流程："
                    + item.steps.map { step in step.name + (step.limit.map { "（\($0)）" } ?? "") }.joined(
                        separator: " → "))
        }
        for result in item.results {
            out.field("办理结果", "\(result.name)（\(result.type.rawValue)）" + (result.delivery.map { "，\($0)" } ?? ""))
        }
        out.field("办理地点", item.contact.addressText)
        out.field("办理时间", item.contact.hoursText)
        out.field("咨询电话", item.contact.phone)
        out.field("投诉电话", item.contact.complaintPhone)
        out.line("（来源：\(item.location)）")
        return out.text
    }

    /// Short labels for the handling modes an item offers, in a fixed order.
    public static func badges(for item: ServiceItem) -> [String] {
        var result: [String] = []
        if item.isImmediate { result.append("即办") }
        if item.modes.isInstantApproval { result.append("秒批") }
        if item.modes.isInstantDeclaration { result.append("秒报") }
        if item.isFaultTolerant { result.append("容缺受理") }
        if item.modes.isPromiseBased { result.append("告知承诺") }
        if item.modes.isCertificateFree { result.append("免证办") }
        if item.isFullyOnline { result.append("全程网办") }
        if item.isZeroVisit { result.append("零跑动") } else if item.isAtMostOneVisit { result.append("最多跑一次") }
        if let cross = item.crossRegion {
            switch cross.scope {
            case .nationwide: result.append("跨省通办")
            case .province: result.append("全省通办")
            case .interCity: result.append("跨城通办")
            case .city: result.append("全市通办")
            default: result.append("\(cross.scope.rawValue)通办")
            }
        }
        return result
    }
}

struct TextBlock {
    private(set) var text = ""

    mutating func title(_ title: String) {
        text += "\(title)\n\(String(repeating: "=", count: min(60, title.count * 2)))\n"
    }

    mutating func field(_ label: String, _ value: String) {
        guard !value.isEmpty else { return }
        text += "\(label)：\(value)\n"
    }

    mutating func line(_ line: String) { text += line + "\n" }
}
