public import OnegoCatalog

/// The 一次性告知单 and 收件清单 of one item.
public enum ItemIntake {
    /// The one-time notice for `item`.
    public static func makeNotice(_ item: ServiceItem, options: GuideOptions) -> GuideDocument {
        IntakeDocuments.notice(intake(item), options: options)
    }

    /// The window's intake checklist for `item`.
    public static func makeChecklist(_ item: ServiceItem, options: GuideOptions) -> GuideDocument {
        IntakeDocuments.checklist(intake(item), options: options)
    }

    static func intake(_ item: ServiceItem) -> Intake {
        let lines = item.materials.map { material in
            IntakeLine(
                name: material.name, necessity: material.necessity, originals: material.originals,
                copies: material.copies, form: material.form.rawValue, remarks: ItemFacts.remarks(material, of: item),
                supplyLimit: material.allowsLaterSupply ? ItemFacts.supplyLimit(material, of: item) : nil,
                exemption: ItemFacts.isFetchedElectronically(material, of: item)
                    ? "免证办，窗口通过电子证照“\(material.eLicence ?? "")”调取，无需提交" : nil)
        }
        var limits = [GuideField("承诺办结时限", ItemFacts.promised(item))]
        if let statutory = item.statutoryLimit { limits.append(GuideField("法定办结时限", ItemFacts.limit(statutory))) }
        let unit = item.promisedLimit?.unit
        return Intake(
            subject: item.name, code: item.id, handler: item.implementingBody.name, lines: lines, limits: limits,
            dueLimit: item.promisedLimit, isImmediate: item.isImmediate, contacts: contacts(item),
            countsOfficeHours: !item.isImmediate && (unit == .hours || unit == .minutes))
    }

    /// Address, hours, phones and the online portal of an item.
    static func contacts(_ item: ServiceItem) -> [GuideField] {
        var fields = [
            GuideField("办理地点", item.contact.addressText),
            GuideField("办理时间", item.contact.hoursText),
            GuideField("咨询电话", item.contact.phone),
            GuideField("投诉电话", item.contact.complaintPhone),
        ]
        if item.online.isAvailable, let url = item.online.url {
            fields.append(GuideField("网上办理", url))
        }
        return fields
    }
}
