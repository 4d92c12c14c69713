import Foundation
public import OnegoCatalog
public import OnegoComposer

/// The 一次性告知单 and 收件清单 of a composed "one matter" bundle, built from the composer's `Composition` (merged
/// material lines, document flow, stages, due dates) and the catalog items behind its members.
///
/// Every line names the member items that use it. What the applicant brings is the composition's submitted set
/// (``MergedMaterial/disposition`` `bring`, decided once by the composer): lines fetched as e-licences, produced
/// by another member or replaced by the joint form or a promise are listed as not to be brought, with the reason;
/// lines the situation does not need are left out. 容缺 lines carry the strictest supplement deadline of the
/// members that accept them.
public enum MatterIntake {
    /// The one-time notice for a composition.
    public static func makeNotice(
        _ composition: Composition, matter: Matter, catalog: Catalog, options: GuideOptions
    ) -> GuideDocument {
        IntakeDocuments.notice(
            intake(composition, matter: matter, catalog: catalog, options: options), options: options)
    }

    /// The window's intake checklist for a composition.
    public static func makeChecklist(
        _ composition: Composition, matter: Matter, catalog: Catalog, options: GuideOptions
    ) -> GuideDocument {
        IntakeDocuments.checklist(
            intake(composition, matter: matter, catalog: catalog, options: options), options: options)
    }

    /// The member items of a composition, in matter order (for their guides).
    public static func memberItems(_ composition: Composition, catalog: Catalog) -> [ServiceItem] {
        composition.members.compactMap { catalog.item(code: $0.code) }
    }

    static func intake(_ composition: Composition, matter: Matter, catalog: Catalog, options: GuideOptions) -> Intake {
        var items: [String: ServiceItem] = [:]
        for member in composition.members { items[member.code] = catalog.item(code: member.code) }
        let lines = composition.materials.filter { $0.disposition != .notNeeded }.map {
            line($0, in: composition, items: items, matter: matter, options: options)
        }
        let members = composition.members.map { member in
            IntakeMember(
                name: member.name, code: member.code, department: member.department,
                promised: items[member.code].map(ItemFacts.promisedShort) ?? "—",
                phone: items[member.code]?.contact.phone ?? "—")
        }
        let selectedIDs = Set(composition.members.map(\.id))
        let formFields = matter.formFields.filter { field in field.mappings.contains { selectedIDs.contains($0.member) }
        }
        .map(\.label)
        return Intake(
            subject: matter.name, code: matter.code, handler: matter.leadDepartment, lines: lines, members: members,
            limits: limits(composition), dueLimit: nil, dueFields: dueFields(composition), isImmediate: false,
            contacts: contacts(composition, matter: matter, items: items),
            answers: answers(composition, matter: matter),
            trips: trips(composition), formFields: formFields, jointFormName: matter.jointForm?.name,
            countsOfficeHours: composition.workingDays.isHourPlan)
    }

    /// One merged line as the notice and the checklist print it.
    static func line(
        _ merged: MergedMaterial, in composition: Composition, items: [String: ServiceItem], matter: Matter,
        options: GuideOptions
    ) -> IntakeLine {
        // The catalog lines this merged line stands for.
        let sources: [(ServiceItem, Material)] = merged.usedBy.compactMap { code in
            guard !merged.isJointForm, let item = items[code],
                let material = item.materials.first(where: { merged.aliases.contains($0.name) })
            else { return nil }
            return (item, material)
        }
        var remarks: [String] = []
        if merged.isJointForm {
            remarks.append("一表申请：代替各事项的申请表，填写一次；需填写的信息见“一表申请需填写的信息”")
        }
        for (item, material) in sources {
            for part in ItemFacts.remarkParts(material, of: item, withNecessity: false) where !remarks.contains(part) {
                remarks.append(part)
            }
        }
        if let licence = merged.eLicence { remarks.insert("可用电子证照“\(licence)”代替", at: 0) }
        if merged.aliases.count > 1 { remarks.append("各事项中的名称：" + merged.aliases.joined(separator: "、")) }
        if merged.necessity == .optional { remarks.append("非必要，视情况提供") }
        var supplyLimit: TimeLimit?
        if merged.necessity == .supplyLater {
            let limits = sources.filter { $0.1.allowsLaterSupply }.compactMap {
                ItemFacts.supplyLimit($0.1, of: $0.0, officeHours: options.officeHours)
            }
            supplyLimit =
                limits.min { options.officeHours.workingDays($0) < options.officeHours.workingDays($1) }
                ?? TimeLimit(matter.promisedLimit.value, matter.promisedLimit.unit)
            remarks.insert("可容缺受理，\(supplyLimit.map(\.description) ?? "")内补齐", at: 0)
        }
        let forms = Set(sources.map { $0.1.form.rawValue })
        return IntakeLine(
            name: merged.name, necessity: merged.necessity, originals: merged.originals, copies: merged.copies,
            form: forms.count == 1 ? forms.first : (forms.isEmpty ? nil : MaterialForm.paperAndElectronic.rawValue),
            remarks: remarks.isEmpty ? "—" : remarks.joined(separator: "；"),
            usedBy: merged.usedBy.map(composition.memberName), supplyLimit: supplyLimit,
            exemption: exemption(merged, in: composition))
    }

    /// Why the applicant need not bring the line, as the notice says it; `nil` for a line to bring.
    static func exemption(_ merged: MergedMaterial, in composition: Composition) -> String? {
        switch merged.disposition {
        case .bring, .notNeeded: nil
        case .produced: "由“\(merged.providedBy.map(composition.memberName) ?? "")”的办理结果自动获取，无需提交"
        case .fetched: "免证办，窗口通过电子证照“\(merged.fetchedAs ?? merged.eLicence ?? "")”调取，无需提交"
        case .replaced:
            merged.isReplacedByPromise
                ? "实行告知承诺制，签署告知承诺书代替，无需提交" : "已并入《\(merged.replacedBy ?? "")》，一表申请，无需另行填报"
        }
    }

    /// The promised limit, the expected time, each stage and the special procedures.
    static func limits(_ composition: Composition) -> [GuideField] {
        let time = composition.workingDays
        var limits = [GuideField("一件事承诺时限", ItemFacts.limit(composition.promisedLimit))]
        limits.append(
            GuideField(
                "预计用时",
                "\(span(time.criticalExact, time))（各事项逐一办理需\(span(time.serialPromisedExact, time))）"))
        for (index, stage) in composition.stages.enumerated() {
            let names = stage.members.map(composition.memberName)
            var text = names.joined(separator: "、") + (names.count > 1 ? "（并联办理）" : "")
            if let at = stage.dueAt {
                text += "，预计\(at.chinese)前完成"
            } else if let due = composition.due, index < due.stages.count {
                text += "，预计\(due.stages[index].chinese)前完成"
            }
            limits.append(GuideField("第\(stage.number)阶段", text))
        }
        for member in composition.members {
            for procedure in member.specialProcedureTexts {
                limits.append(GuideField("特别程序", "\(member.name)：\(procedure)"))
            }
        }
        return limits
    }

    /// The acceptance moment (hour plans), the due dates, and the special procedures they do not count.
    static func dueFields(_ composition: Composition) -> [GuideField] {
        guard let due = composition.due else { return [] }
        var fields: [GuideField] = []
        if let accepted = due.acceptedAt, composition.workingDays.isHourPlan {
            fields.append(GuideField("受理时间", accepted.chinese))
        }
        fields.append(GuideField("预计全部办结日期", due.overallAt?.chinese ?? due.overall.chinese))
        fields.append(GuideField("承诺最迟办结日期", due.promisedAt?.chinese ?? due.promised.chinese))
        let excluded = composition.excludedProcedures
        if !excluded.isEmpty {
            fields.append(
                GuideField(
                    "不计入的特别程序",
                    "以上日期不含特别程序所需时间（依法不计入办结时限），申请人另需等候："
                        + excluded.joined(separator: "；")))
        }
        return fields
    }

    /// Intake, delivery, trips and steps, with how they are counted.
    static func trips(_ composition: Composition) -> [GuideField] {
        let arrangement = composition.arrangement
        let steps = composition.stepNames
        return [
            GuideField("受理方式", arrangement.intake.label),
            GuideField("结果送达", arrangement.delivery.label),
            GuideField(
                "跑动次数",
                "\(Int(composition.visits.after))次（各事项分别办理共需\(Int(composition.visits.before))次）"),
            GuideField(
                "办理环节",
                steps.joined(separator: " → ")
                    + "，共\(steps.count)个环节（各事项分别办理共\(composition.steps.before)个）"),
            GuideField("跑动次数口径", composition.tripsDefinition),
            GuideField("办理环节口径", composition.stepsDefinition),
        ]
    }

    /// The situation answers behind the list, and the audience when the matter serves several.
    static func answers(_ composition: Composition, matter: Matter) -> [GuideField] {
        var answers: [GuideField] = []
        for question in matter.questions {
            let values = composition.answers[question.id]
            guard !values.isEmpty else { continue }
            answers.append(
                GuideField(question.text, values.map { question.displayText(for: $0) }.joined(separator: "、")))
        }
        if composition.servedAudiences.count > 1 {
            answers.insert(GuideField("申请主体（服务对象）", composition.audience?.rawValue ?? "未确定"), at: 0)
        }
        return answers
    }

    /// The lead member's window, hours and phones, and the departments.
    static func contacts(_ composition: Composition, matter: Matter, items: [String: ServiceItem]) -> [GuideField] {
        let lead =
            composition.members.lazy.compactMap { items[$0.code] }
            .first { $0.department == matter.leadDepartment }
            ?? composition.members.lazy.compactMap { items[$0.code] }.first
        var contacts: [GuideField] = []
        if let lead {
            contacts = [
                GuideField("综合受理窗口", lead.contact.addressText),
                GuideField("办理时间", lead.contact.hoursText),
                GuideField("咨询电话", lead.contact.phone),
                GuideField("投诉电话", lead.contact.complaintPhone),
            ]
        }
        contacts.append(GuideField("牵头部门", matter.leadDepartment))
        if !matter.cooperatingDepartments.isEmpty {
            contacts.append(GuideField("协同部门", matter.cooperatingDepartments.joined(separator: "、")))
        }
        return contacts
    }

    /// `2个工作日`, `0.5个工作日` (days rounded up to the half day, ``DayFigures``), `3小时` for an hour plan, `即办（当场办结）` for zero: a duration as printed,
    /// rounded here and only here.
    static func span(_ days: Rational, _ time: WorkingDayFigures) -> String {
        if days == .zero { return "即办（当场办结）" }
        if time.isHourPlan { return ComposeFigures.number(time.hours(days).doubleValue) + "小时" }
        return DayFigures.days(days.doubleValue) + "个工作日"
    }
}

/// Numbers as the exporters print them.
enum ComposeFigures {
    /// `2`, `0.5`, `1.43`: at most two decimals.
    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded.rounded() == rounded ? String(Int(rounded)) : String(rounded)
    }
}
