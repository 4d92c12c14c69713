/// The onego fields a profile can fill (the `target` attribute of `<field>`), named as in the catalog schema.
public enum FieldTarget: String, Sendable, Hashable, CaseIterable {
    // Item identity.
    case basicCode, implementationCode, handlingCode, name, type, level, region, handling, department
    case bodyName = "body.name"
    case bodyCreditCode = "body.uscc"
    case bodyNature = "body.nature"
    case serviceObjects, legalBasis, conditions, statutoryLimit, promisedLimit, specialProcedures, visits, visitReason
    case steps
    case onlineAvailable = "online.available"
    case onlineDepth = "online.depth"
    case onlineURL = "online.url"
    case handlingForms
    case courierService
    case crossRegionScope = "crossRegion.scope"
    case crossRegionMode = "crossRegion.mode"
    case crossRegionRegions = "crossRegion.regions"
    case feeCharged = "fee.charged"
    case instantApproval = "modes.instantApproval"
    case instantDeclaration = "modes.instantDeclaration"
    case promiseBased = "modes.promiseBased"
    case certificateFree = "modes.certificateFree"
    case address = "contact.address"
    case hours = "contact.hours"
    case phone = "contact.phone"
    case complaintPhone = "contact.complaintPhone"
    /// Material names listed in the item's own record (names only).
    case materialNames
    // Catalog schema 1.1 details.
    case levels, jointDepartments, everydayName, keywords, appointmentURL
    /// 主题分类: read, then reported as dropped (the catalog has no place for it).
    case themes
    // Materials.
    case materialName = "material.name"
    case materialType = "material.type"
    case materialForm = "material.form"
    case materialNecessity = "material.necessity"
    case materialSource = "material.source"
    case materialOriginals = "material.originals"
    case materialCopies = "material.copies"
    case materialKey = "material.key"
    case materialIssuer = "material.issuer"
    case materialELicence = "material.eLicence"
    case materialPaperSize = "material.paperSize"
    case materialSupplyDays = "material.supplyDays"
    case materialBlankForm = "material.blankForm"
    case materialSample = "material.sample"
    case materialNote = "material.note"
    case materialStandard = "material.standard"
    // Results.
    case resultName = "result.name"
    case resultType = "result.type"
    case resultELicence = "result.eLicence"
    case resultValidity = "result.validity"
    case resultDelivery = "result.delivery"
    // Fee items.
    case feeName = "feeItem.name"
    case feeStandard = "feeItem.standard"
    case feeBasis = "feeItem.basis"

    /// Targets the catalog has no place for; their values are reported as dropped.
    public var isUnsupported: Bool { self == .themes }

    /// The Chinese name used in messages.
    public var label: String {
        switch self {
        case .basicCode: "基本编码"
        case .implementationCode: "实施编码"
        case .handlingCode: "业务办理项编码"
        case .name: "事项名称"
        case .type: "事项类型"
        case .level: "行使层级"
        case .region: "行政区划"
        case .handling: "办件类型"
        case .department: "部门"
        case .bodyName: "实施主体"
        case .bodyCreditCode: "实施主体统一社会信用代码"
        case .bodyNature: "实施主体性质"
        case .serviceObjects: "服务对象"
        case .legalBasis: "设定依据"
        case .conditions: "受理条件"
        case .statutoryLimit: "法定办结时限"
        case .promisedLimit: "承诺办结时限"
        case .specialProcedures: "特别程序"
        case .steps: "办理流程"
        case .crossRegionRegions: "通办区域"
        case .materialSupplyDays: "容缺补交期限"
        case .materialBlankForm: "空白表格"
        case .materialSample: "示例样表"
        case .visits: "到办事现场次数"
        case .visitReason: "必须现场办理原因"
        case .onlineAvailable: "是否网办"
        case .onlineDepth: "网上办理深度"
        case .onlineURL: "网办地址"
        case .handlingForms: "办理形式"
        case .courierService: "是否支持物流快递"
        case .crossRegionScope: "通办范围"
        case .crossRegionMode: "跨域办理模式"
        case .feeCharged: "是否收费"
        case .instantApproval: "秒批"
        case .instantDeclaration: "秒报"
        case .promiseBased: "告知承诺"
        case .certificateFree: "免证办"
        case .address: "办理地点"
        case .hours: "办理时间"
        case .phone: "咨询电话"
        case .complaintPhone: "监督投诉电话"
        case .materialNames: "申请材料名称"
        case .levels: "实施层级"
        case .jointDepartments: "联办部门"
        case .everydayName: "俗称"
        case .keywords: "关键词"
        case .appointmentURL: "预约地址"
        case .themes: "主题分类"
        case .materialName: "材料名称"
        case .materialType: "材料类型"
        case .materialForm: "材料形式"
        case .materialNecessity: "材料必要性"
        case .materialSource: "来源渠道"
        case .materialOriginals: "原件份数"
        case .materialCopies: "复印件份数"
        case .materialKey: "是否关键材料"
        case .materialIssuer: "出具单位"
        case .materialELicence: "电子证照类型"
        case .materialPaperSize: "纸张规格"
        case .materialNote: "填报须知"
        case .materialStandard: "受理标准"
        case .resultName: "结果名称"
        case .resultType: "结果类型"
        case .resultELicence: "结果电子证照"
        case .resultValidity: "有效期"
        case .resultDelivery: "送达方式"
        case .feeName: "收费项目"
        case .feeStandard: "收费标准"
        case .feeBasis: "收费依据"
        }
    }
}
