public import OnegoBase

// The rules the importer emits (row notes in import reports, and problems with import profiles).

extension RuleID {
    /// An import profile that cannot be read or is not valid.
    public static let importProfile = RuleID("import.profile")
    /// A profile mapping to an unknown target field.
    public static let importProfileTarget = RuleID("import.profile.target")
    /// A profile citing a code list it does not define.
    public static let importProfileCodeList = RuleID("import.profile.code-list")
    /// A source row that produced no item.
    public static let importRowRejected = RuleID("import.row.rejected")
    /// A child row whose parent item is not in the main sheet.
    public static let importJoinMissingParent = RuleID("import.join.missing-parent")
    /// A child row no item uses.
    public static let importJoinOrphan = RuleID("import.join.orphan")
    /// A source column the profile does not map.
    public static let importSourceUnknownHeader = RuleID("import.source.unknown-header")
    /// A CSV file read in an inferred encoding.
    public static let importSourceEncoding = RuleID("import.source.encoding")
    /// A CSV row with more fields than the header.
    public static let importSourceExtraFields = RuleID("import.source.extra-fields")
    /// Where a JSON document's records were found (a nested array, or one of several arrays of objects).
    public static let importSourceRecords = RuleID("import.source.records")
    /// A header read in the profile's spelling (it differed only in whitespace or full-width forms).
    public static let importSourceHeaderSpelling = RuleID("import.source.header-spelling")
    /// A title or notes row above a sheet's or CSV file's header, skipped.
    public static let importSourceTitleRow = RuleID("import.source.title-row")
    /// A worksheet a patterned table (`sheet="*"`) matched by name but did not read: no header row names its
    /// columns (a 填表说明 sheet).
    public static let importSourceSheetSkipped = RuleID("import.source.sheet-skipped")
    /// A worksheet a patterned table (`sheet="*"`) read because a row of it names the profile's columns.
    public static let importSourceSheetRead = RuleID("import.source.sheet-read")
    /// A row that continues the item above it (its list entries, such as one material per row, join that item).
    public static let importSourceContinuation = RuleID("import.source.continuation")
    /// A worksheet column holding values under no header: its values are not read (reported, not lost silently).
    public static let importSourceHeaderlessColumn = RuleID("import.source.headerless-column")
    /// An XLSX cell that could not be read.
    public static let importXLSXCell = RuleID("import.xlsx.cell")
    /// How an XLSX header was read.
    public static let importXLSXHeader = RuleID("import.xlsx.header")
    /// A streamed sheet read stopped on purpose (merged cells or rows out of order: the sheet is read whole
    /// instead). Internal: it ends the parse and is never reported, so it is not in the registry.
    static let importXLSXStreamStopped = RuleID("import.xlsx.stream")
    /// A value read as the profile says.
    public static let importValueRead = RuleID("import.value.read")
    /// A value derived from other fields.
    public static let importValueDerived = RuleID("import.value.derived")
    /// A value converted by a code list, unit or format.
    public static let importValueTransformed = RuleID("import.value.transformed")
    /// A placeholder treated as no value.
    public static let importValueAbsent = RuleID("import.value.absent")
    /// A missing or unknown value replaced by a default.
    public static let importValueDefaulted = RuleID("import.value.defaulted")
    /// A value not in the code list, dropped.
    public static let importValueDropped = RuleID("import.value.dropped")
    /// A promised limit the source does not publish.
    public static let importValueNotPublished = RuleID("import.value.not-published")
    /// A material whose requirements the source leaves out.
    public static let importMaterialUnspecified = RuleID("import.material.unspecified")
}

extension RuleID {
    /// A catalog check that failed on an imported item and was kept as a note of the import (`catalog.uscc`
    /// becomes `import.check.catalog.uscc`).
    public static func importCheck(_ rule: RuleID) -> RuleID { RuleID("import.check.\(rule)") }
}

extension RuleDescriptor {
    /// The importer's rules, in listing order; `onego rules` lists them after the audit registry.
    public static let importRules: [RuleDescriptor] = [
        RuleDescriptor(
            .importProfile, .error, .imports, title: "导入配置文件无效",
            explanation: "导入配置文件（import profile）无法读取或不符合 import-profile.xsd。"),
        RuleDescriptor(
            .importProfileTarget, .error, .imports, title: "导入配置引用了未知字段",
            explanation: "配置中的目标字段须是 onego 目录模型中的字段。"),
        RuleDescriptor(
            .importProfileCodeList, .error, .imports, title: "导入配置引用了未知代码表",
            explanation: "配置中的代码转换须引用已定义的代码表。"),
        RuleDescriptor(
            .importRowRejected, .error, .imports, title: "行未导入", explanation: "该行缺少必填值或取值无法转换，未生成事项。"),
        RuleDescriptor(
            .importJoinMissingParent, .error, .imports, title: "找不到所属事项",
            explanation: "子表（材料、收费等）的行引用的事项编码在主表中不存在。"),
        RuleDescriptor(
            .importJoinOrphan, .warning, .imports, title: "子表行未被使用", explanation: "子表中的行没有对应的事项，未被导入。"),
        RuleDescriptor(
            .importSourceUnknownHeader, .note, .imports, title: "未映射的表头",
            explanation: "来源表的该列没有在导入配置中映射，其内容未被导入。"),
        RuleDescriptor(
            .importSourceEncoding, .note, .imports, title: "来源文件编码",
            explanation: "CSV 文件的字符编码按推断读取（如 GBK），请核对导入结果。"),
        RuleDescriptor(
            .importSourceExtraFields, .warning, .imports, title: "行的字段多于表头",
            explanation: "CSV 行的字段数多于表头，多出的字段未被导入。"),
        RuleDescriptor(
            .importSourceRecords, .note, .imports, title: "JSON 记录所在位置",
            explanation: "JSON 文件的记录取自嵌套的数组（如接口返回的 data.list），或取自几个对象数组中对象最多的一个；其余数组未作为记录读取。"),
        RuleDescriptor(
            .importSourceHeaderSpelling, .note, .imports, title: "表头写法不同",
            explanation:
                "表头或键名与导入配置所列的只差空白、单元格内换行、全角半角、英文大小写或下划线（如“时限(工作日)”与“时限（工作日）”，taskCode 与 TASK_CODE），按导入配置的写法读取。"),
        RuleDescriptor(
            .importSourceTitleRow, .note, .imports, title: "表头之上的行",
            explanation: "工作表或 CSV 文件在表头之上的标题、填报单位、说明等行，按标题跳过，不作为数据读取；表头是第一行含两个以上导入配置所列表头的行。"),
        RuleDescriptor(
            .importSourceSheetSkipped, .note, .imports, title: "未读取的工作表",
            explanation: "导入配置按名称样式（sheet=\"*\"）读取每张表头相符的工作表；前 30 行中没有一行写出两个以上导入配置所列表头的工作表（如填表说明）不读取，逐张列出。"),
        RuleDescriptor(
            .importSourceSheetRead, .note, .imports, title: "按表头读取的工作表",
            explanation: "导入配置按名称样式（sheet=\"*\"）读取工作表时，逐张列出表头相符、已读取的工作表，便于核对没有漏读或多读。"),
        RuleDescriptor(
            .importSourceContinuation, .note, .imports, title: "事项的续行",
            explanation: "办事指南工作簿常在事项各列合并（或留空）的几行里每行写一项申请材料：事项各列与上一行事项相同或为空、只多出清单列（申请材料等）取值的行，并入上一行的事项，不作为单独的事项，逐行注明。"),
        RuleDescriptor(
            .importSourceHeaderlessColumn, .warning, .imports, title: "没有表头的列",
            explanation: "工作表中有取值却没有表头的列，其中的值无法对应到字段，未导入；报告列出该列、行数和首见的行，补上表头后再导入即可。"),
        RuleDescriptor(
            .importXLSXCell, .warning, .imports, title: "单元格无法读取",
            explanation: "XLSX 单元格的内容或类型无法读取，按空值处理。"),
        RuleDescriptor(
            .importXLSXHeader, .note, .imports, title: "表头说明", explanation: "XLSX 表头的读取说明（合并单元格、多行表头等）。"),
        RuleDescriptor(
            .importValueRead, .note, .imports, title: "取值已读取", explanation: "来源中的取值按导入配置读取。"),
        RuleDescriptor(
            .importValueDerived, .note, .imports, title: "取值由其他字段推定",
            explanation: "来源未提供该值，按其他字段推定（如由实施编码取得统一社会信用代码）。"),
        RuleDescriptor(
            .importValueTransformed, .note, .imports, title: "取值已转换", explanation: "来源中的取值按代码表、单位或格式规范转换。"
        ),
        RuleDescriptor(
            .importValueAbsent, .note, .imports, title: "取值视为未提供", explanation: "来源中的占位文字（如“无”“/”）视为未提供。"),
        RuleDescriptor(
            .importValueDefaulted, .warning, .imports, title: "取值使用默认值",
            explanation: "来源取值缺失或不认识，使用默认值，请核对。"),
        RuleDescriptor(
            .importValueDropped, .warning, .imports, title: "取值已舍弃", explanation: "来源取值不在代码表中或格式无效，已舍弃。"),
        RuleDescriptor(
            .importValueNotPublished, .warning, .imports, title: "承诺时限未公布",
            explanation: "来源未公布承诺时限，目录中记为未公布。"),
        RuleDescriptor(
            .importMaterialUnspecified, .note, .imports, title: "材料要求未写明",
            explanation: "来源未写明材料的必要性、形式或份数，按默认值导入。"),
    ]
}
