import OnegoBase
import OnegoCatalog

/// 免证办 and government-issued materials.
enum CertificateFreeRules {
    static let all: [AuditRule] = [
        .item(
            "materials.government-issuer", .warning, .materials, title: "政府部门核发的材料须写明核发部门或电子证照",
            explanation: "来源为“政府部门核发”的材料应写明核发部门或可替代的电子证照类型，以便共享调取。"
        ) { item, _ in
            item.materials.filter { $0.isGovernmentIssued && ($0.issuer ?? "").isEmpty && ($0.eLicence ?? "").isEmpty }
                .map { RuleIssue("\(item.label)的材料“\($0.name)”由政府部门核发，但未写明核发部门或电子证照类型", at: $0.location) }
        },
        .item(
            "certfree.no-elicence", .error, .certificateFree, title: "免证办事项的政府核发材料须有电子证照",
            explanation: "免证办即以电子证照或共享数据代替申请人提交证件；标为免证办的事项，每份政府部门核发的材料都须写明电子证照类型。"
        ) { item, _ in
            guard item.modes.isCertificateFree else { return [] }
            return item.materials.filter { $0.isGovernmentIssued && ($0.eLicence ?? "").isEmpty }.map {
                RuleIssue("\(item.label)标为免证办，但政府部门核发的材料“\($0.name)”未写明电子证照类型", at: $0.location)
            }
        },
        .item(
            "certfree.nothing-to-replace", .note, .certificateFree, title: "免证办事项应有可免交的证照",
            explanation: "标为免证办的事项，至少应有一份材料可由电子证照代替。"
        ) { item, _ in
            guard item.modes.isCertificateFree, !item.materials.contains(where: { !($0.eLicence ?? "").isEmpty })
            else { return [] }
            return [RuleIssue("\(item.label)标为免证办，但没有任何材料写明可替代的电子证照")]
        },
    ]
}
