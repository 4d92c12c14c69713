public import OnegoCatalog

/// The filled example row of the template workbook: 食品经营许可（新办） as a district market regulator publishes it.
public enum TemplateExample {
    /// The example item.
    public static let item = ServiceItem(
        codes: ItemCodes(
            basic: "000117004000", implementation: "11440188MB2C90231K4000117004000",
            handling: "11440188MB2C90231K400011700400001"),
        name: "食品经营许可（新办）", type: ItemType(rawValue: "01"), level: .county, region: RegionCode("440188"),
        handling: .promised, department: "云溪区市场监督管理局",
        implementingBody: ImplementingBody(
            name: "广州市云溪区市场监督管理局", creditCode: CreditCode("11440188MB2C90231K"), nature: .statutory),
        serviceObjects: [.legalPerson, .individualBusiness],
        legalBasis: [
            LegalProvision(
                law: "中华人民共和国食品安全法", article: "第三十五条",
                text: "国家对食品生产经营实行许可制度。从事食品生产、食品销售、餐饮服务，应当依法取得许可。")
        ],
        conditions: "申请人已取得营业执照等合法主体资格，具有与经营的食品品种、数量相适应的经营场所和设施设备。",
        statutoryLimit: TimeLimit(10, .workingDays, note: "依据《食品经营许可和备案管理办法》"),
        promisedLimit: TimeLimit(5, .workingDays),
        specialProcedures: [SpecialProcedure(kind: .siteSurvey, limit: TimeLimit(10, .workingDays), note: "现场核查时间不计入")],
        visits: 0, online: OnlineService(isAvailable: true, depth: .fullyOnline, url: "https://www.gdzwfw.gov.cn/"),
        handlingForms: [.window, .online, .post], fee: Fee(isCharged: false),
        modes: HandlingModes(isPromiseBased: true),
        materials: [
            Material(
                name: "食品经营许可申请书", type: .form, form: .paperAndElectronic, necessity: .required,
                source: .applicant, originals: 1, isKey: true, paperSize: "A4", blankForm: "食品经营许可申请书.docx"),
            Material(
                name: "营业执照", type: .certificate, form: .electronic, necessity: .required, source: .government,
                isKey: true, issuer: "市场监督管理部门", eLicence: "营业执照"),
            Material(
                name: "与食品经营相适应的主要设备设施布局、操作流程等文件", type: .other, form: .paperAndElectronic,
                necessity: .supplyLater, source: .applicant, originals: 1, supplyDays: 5,
                note: "可先行受理，5个工作日内补交"),
        ],
        results: [
            ItemResult(name: "食品经营许可证", type: .licence, eLicence: "食品经营许可证", validity: "5年", delivery: "电子证照或邮寄")
        ],
        steps: [
            ProcessStep(name: "受理", limit: TimeLimit(1, .workingDays), role: "窗口受理人员"),
            ProcessStep(name: "审查", limit: TimeLimit(3, .workingDays), role: "审查人员"),
            ProcessStep(name: "决定", limit: TimeLimit(1, .workingDays), role: "科室负责人"),
        ],
        contact: Contact(
            address: "广州市云溪区溪云大道中128号区政务服务中心二楼市场监管窗口",
            hours: "周一至周五 9:00-12:00，13:30-17:00（法定节假日除外）", phone: "020-82734567",
            complaintPhone: "12345"))
}
