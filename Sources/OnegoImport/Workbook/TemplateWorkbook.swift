public import OnegoCatalog
import OnegoExport

/// onego's own workbook (`Catalogs/profiles/template.xml` reads it back): sheets 事项, 材料, 结果 and 收费 keyed by
/// the item code, and 代码表 with the code lists behind the drop-downs. Chinese headers, one row per record.
public enum TemplateWorkbook {
    /// The sheet names.
    public static let itemSheet = "事项"
    /// Materials, keyed by 事项编码.
    public static let materialSheet = "材料"
    /// Results, keyed by 事项编码.
    public static let resultSheet = "结果"
    /// Fee items, keyed by 事项编码.
    public static let feeSheet = "收费"
    /// The code lists.
    public static let codeSheet = "代码表"

    /// A code list column of 代码表.
    struct CodeList: Sendable {
        var title: String
        var values: [String]
    }

    static let codeLists: [CodeList] = [
        CodeList(title: "事项类型", values: ItemType.nationalLabels.keys.sorted()),
        CodeList(title: "行使层级", values: Level.allCases.map { String($0.rawValue) }),
        CodeList(title: "办件类型", values: HandlingKind.allCases.map(\.rawValue)),
        CodeList(title: "实施主体性质", values: BodyNature.allCases.map(\.rawValue)),
        CodeList(title: "服务对象", values: ServiceObject.allCases.map(\.rawValue)),
        CodeList(title: "网上办理深度", values: OnlineDepth.allCases.map { String($0.rawValue) }),
        CodeList(title: "办理形式", values: HandlingForm.allCases.map(\.rawValue)),
        CodeList(title: "通办范围", values: CrossScope.allCases.map(\.rawValue)),
        CodeList(title: "跨域办理模式", values: CrossMode.allCases.map(\.rawValue)),
        CodeList(title: "是否", values: ["是", "否"]),
        CodeList(title: "材料类型", values: MaterialType.allCases.map { String($0.rawValue) }),
        CodeList(title: "材料形式", values: MaterialForm.allCases.map(\.rawValue)),
        CodeList(title: "材料必要性", values: Necessity.allCases.map(\.rawValue)),
        CodeList(title: "来源渠道", values: MaterialSource.allCases.map { String($0.rawValue) }),
        CodeList(title: "结果类型", values: ResultType.allCases.map(\.rawValue)),
        CodeList(title: "特别程序种类", values: SpecialProcedureKind.allCases.map(\.rawValue)),
    ]

    /// One column: its header, the code list behind its drop-down, whether it holds several values, and how an
    /// item renders into it.
    struct Column<Record>: Sendable {
        var header: String
        var codeList: String?
        var isMultiValued = false
        var width = 14
        var render: @Sendable (Record) -> String
    }

    static func yesNo(_ flag: Bool) -> String { flag ? "是" : "否" }

    static let itemColumns: [Column<ServiceItem>] = [
        Column(header: "事项编码", width: 36) { $0.id },
        Column(header: "基本编码") { $0.codes.basic },
        Column(header: "实施编码", width: 34) { $0.codes.implementation },
        Column(header: "业务办理项编码", width: 36) { $0.codes.handling ?? "" },
        Column(header: "事项名称", width: 28) { $0.name },
        Column(header: "事项类型", codeList: "事项类型") { $0.type.rawValue },
        Column(header: "行使层级", codeList: "行使层级") { String($0.level.rawValue) },
        Column(header: "行政区划") { $0.region.rawValue },
        Column(header: "办件类型", codeList: "办件类型") { $0.handling.rawValue },
        Column(header: "部门", width: 22) { $0.department },
        Column(header: "实施主体", width: 26) { $0.implementingBody.name },
        Column(header: "实施主体统一社会信用代码", width: 22) { $0.implementingBody.creditCode.rawValue },
        Column(header: "实施主体性质", codeList: "实施主体性质") { $0.implementingBody.nature.rawValue },
        Column(header: "服务对象", codeList: "服务对象", isMultiValued: true) {
            $0.serviceObjects.map(\.rawValue).joined(separator: "、")
        },
        Column(header: "设定依据", width: 40) { LineFormats.provisions($0.legalBasis) },
        Column(header: "受理条件", width: 40) { $0.conditions ?? "" },
        Column(header: "法定办结时限") { $0.statutoryLimit.map(LineFormats.limit) ?? "" },
        Column(header: "承诺办结时限") { $0.promisedLimit.map(LineFormats.limit) ?? PublishedState.notPublished.rawValue },
        Column(header: "特别程序", width: 30) { LineFormats.procedures($0.specialProcedures) },
        Column(header: "到办事现场次数") { String($0.visits) },
        Column(header: "必须现场办理原因", width: 30) { $0.visitReason ?? "" },
        Column(header: "是否网办", codeList: "是否") { yesNo($0.online.isAvailable) },
        Column(header: "网上办理深度", codeList: "网上办理深度") { String($0.online.depth.rawValue) },
        Column(header: "网办地址", width: 30) { $0.online.url ?? "" },
        Column(header: "办理形式", codeList: "办理形式", isMultiValued: true) {
            $0.handlingForms.map(\.rawValue).joined(separator: "、")
        },
        Column(header: "通办范围", codeList: "通办范围") { $0.crossRegion?.scope.rawValue ?? "" },
        Column(header: "跨域办理模式", codeList: "跨域办理模式") { $0.crossRegion?.mode?.rawValue ?? "" },
        Column(header: "通办区域") { $0.crossRegion?.regions ?? "" },
        Column(header: "是否收费", codeList: "是否") { yesNo($0.fee.isCharged) },
        Column(header: "秒批", codeList: "是否") { yesNo($0.modes.isInstantApproval) },
        Column(header: "秒报", codeList: "是否") { yesNo($0.modes.isInstantDeclaration) },
        Column(header: "告知承诺", codeList: "是否") { yesNo($0.modes.isPromiseBased) },
        Column(header: "免证办", codeList: "是否") { yesNo($0.modes.isCertificateFree) },
        Column(header: "办理流程", width: 30) { LineFormats.steps($0.steps) },
        Column(header: "办理地点", width: 36) { $0.contact.addressText },
        Column(header: "办理时间", width: 30) { $0.contact.hoursText },
        Column(header: "咨询电话") { $0.contact.phone },
        Column(header: "监督投诉电话") { $0.contact.complaintPhone },
        Column(header: "实施层级", codeList: "行使层级", isMultiValued: true) {
            $0.details.levels.map { String($0.rawValue) }.joined(separator: "、")
        },
        Column(header: "联办部门", width: 30) {
            $0.details.jointDepartments.map { joint in joint.name + (joint.role.map { "（\($0)）" } ?? "") }
                .joined(separator: "、")
        },
        Column(header: "俗称") { $0.details.aliases.joined(separator: "、") },
        Column(header: "关键词") { $0.details.keywords.joined(separator: "、") },
        Column(header: "预约地址", width: 30) { $0.details.appointmentURL ?? "" },
    ]

    static let materialColumns: [Column<Material>] = [
        Column(header: "材料名称", width: 30) { $0.name },
        Column(header: "材料类型", codeList: "材料类型") { String($0.type.rawValue) },
        Column(header: "材料形式", codeList: "材料形式") { $0.form.rawValue },
        Column(header: "材料必要性", codeList: "材料必要性") { $0.necessity.rawValue },
        Column(header: "来源渠道", codeList: "来源渠道") { String($0.source.rawValue) },
        Column(header: "原件份数") { String($0.originals) },
        Column(header: "复印件份数") { String($0.copies) },
        Column(header: "是否关键材料", codeList: "是否") { yesNo($0.isKey) },
        Column(header: "出具单位") { $0.issuer ?? "" },
        Column(header: "电子证照类型") { $0.eLicence ?? "" },
        Column(header: "持有人") { $0.holder ?? "" },
        Column(header: "容缺补交期限（工作日）") { $0.supplyDays.map(number) ?? "" },
        Column(header: "纸张规格") { $0.paperSize ?? "" },
        Column(header: "空白表格") { $0.blankForm ?? "" },
        Column(header: "示例样表") { $0.sample ?? "" },
        Column(header: "填报须知", width: 30) { $0.note ?? "" },
        Column(header: "受理标准", width: 30) { $0.standard ?? "" },
    ]

    static let resultColumns: [Column<ItemResult>] = [
        Column(header: "结果名称", width: 26) { $0.name },
        Column(header: "结果类型", codeList: "结果类型") { $0.type.rawValue },
        Column(header: "结果电子证照") { $0.eLicence ?? "" },
        Column(header: "有效期") { $0.validity ?? "" },
        Column(header: "送达方式", width: 26) { $0.delivery ?? "" },
    ]

    static let feeColumns: [Column<FeeItem>] = [
        Column(header: "收费项目", width: 26) { $0.name },
        Column(header: "收费标准", width: 30) { $0.standard },
        Column(header: "收费依据", width: 30) { $0.basis ?? "" },
    ]

    static func number(_ value: Double) -> String { value.rounded() == value ? String(Int(value)) : String(value) }

    /// The sheets for `items` (the template: the example items).
    public static func sheets(for items: [ServiceItem]) -> [WorksheetContent] {
        var itemRows = [itemColumns.map(\.header)]
        var materialRows = [["事项编码", "事项名称"] + materialColumns.map(\.header)]
        var resultRows = [["事项编码", "事项名称"] + resultColumns.map(\.header)]
        var feeRows = [["事项编码", "事项名称"] + feeColumns.map(\.header)]
        for item in items {
            itemRows.append(itemColumns.map { $0.render(item) })
            for material in item.materials {
                materialRows.append([item.id, item.name] + materialColumns.map { $0.render(material) })
            }
            for result in item.results {
                resultRows.append([item.id, item.name] + resultColumns.map { $0.render(result) })
            }
            for fee in item.fee.items { feeRows.append([item.id, item.name] + feeColumns.map { $0.render(fee) }) }
        }
        var codeRows: [[String]] = [codeLists.map(\.title)]
        let depth = codeLists.map(\.values.count).max() ?? 0
        for index in 0..<depth {
            codeRows.append(codeLists.map { index < $0.values.count ? $0.values[index] : "" })
        }
        return [
            sheet(itemSheet, itemColumns, offset: 0, rows: itemRows),
            sheet(materialSheet, materialColumns, offset: 2, rows: materialRows),
            sheet(resultSheet, resultColumns, offset: 2, rows: resultRows),
            sheet(feeSheet, feeColumns, offset: 2, rows: feeRows),
            WorksheetContent(
                name: codeSheet, rows: codeRows,
                widths: Dictionary(uniqueKeysWithValues: codeLists.indices.map { ($0 + 1, 14) })),
        ]
    }

    private static func sheet<Record>(
        _ name: String, _ columns: [Column<Record>], offset: Int, rows: [[String]]
    ) -> WorksheetContent {
        var widths: [Int: Int] = [:]
        var validations: [WorksheetContent.ListValidation] = []
        if offset > 0 {
            widths[1] = 36
            widths[2] = 24
        }
        for (index, column) in columns.enumerated() {
            let number = index + 1 + offset
            widths[number] = column.width
            guard let list = column.codeList, let at = codeLists.firstIndex(where: { $0.title == list }) else {
                continue
            }
            let letters = CellReference.letters(at + 1)
            let last = codeLists[at].values.count + 1
            validations.append(
                WorksheetContent.ListValidation(
                    column: number, source: "'\(codeSheet)'!$\(letters)$2:$\(letters)$\(last)",
                    isStrict: !column.isMultiValued))
        }
        return WorksheetContent(name: name, rows: rows, widths: widths, validations: validations)
    }

    /// Writes the workbook of `items` to `path` atomically, never over one of `inputs`.
    public static func write(
        _ items: [ServiceItem], to path: String, protecting inputs: [String] = []
    ) throws(ImportError) {
        try write(sheets(for: items), to: path, protecting: inputs)
    }
}
