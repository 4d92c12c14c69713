public import OnegoBase

// The rules the catalog loader and its code checks emit.

extension RuleID {
    /// No catalog file where one was expected.
    public static let ioNoCatalog = RuleID("io.no-catalog")
    /// A file read as a catalog whose root is not <catalog>.
    public static let catalogRoot = RuleID("catalog.root")
    /// Another onego document in a catalog folder, skipped.
    public static let catalogSkipped = RuleID("catalog.skipped")
    /// Internal: stops the validating pass at a root that is not a catalog; never reported.
    public static let catalogRootGate = RuleID("catalog.root-gate")
    /// A value in a catalog file that is not valid.
    public static let catalogValue = RuleID("catalog.value")
    /// An item list longer than the limit.
    public static let catalogLimitList = RuleID("catalog.limit.list")
    /// A catalog file with more items than the limit.
    public static let catalogLimitItems = RuleID("catalog.limit.items")
    /// An item code defined twice.
    public static let catalogDuplicateCode = RuleID("catalog.duplicate-code")
    /// An implementing body's USCC that fails its check digit.
    public static let catalogUSCC = RuleID("catalog.uscc")
    /// An implementation code that does not follow the code layout.
    public static let catalogImplementationCode = RuleID("catalog.implementation-code")
    /// A handling-item code that does not start with the implementation code.
    public static let catalogHandlingCode = RuleID("catalog.handling-code")
    /// A basic code of the wrong length.
    public static let catalogBasicCode = RuleID("catalog.basic-code")
    /// A region code that is not 6 or 12 digits.
    public static let catalogRegionCode = RuleID("catalog.region-code")
    /// A promised limit longer than the statutory one.
    public static let catalogPromiseExceedsStatutory = RuleID("catalog.promise-exceeds-statutory")
}

extension RuleDescriptor {
    /// The rules of catalog loading and code checks, in listing order.
    public static let catalogRules: [RuleDescriptor] = [
        RuleDescriptor(
            .ioNoCatalog, .error, .load, title: "没有事项目录文件", explanation: "给出的路径中没有根元素为 <catalog> 的 .xml 文件。"),
        RuleDescriptor(
            .catalogRoot, .error, .load, title: "不是事项目录文件",
            explanation: "作为目录读取的文件，根元素须是 urn:onego:catalog:1 的 <catalog>。"),
        RuleDescriptor(
            .catalogSkipped, .note, .load, title: "其他 onego 文件，已跳过", explanation: "目录文件夹中的一件事、日历等其他 onego 文件不作为事项读取。"),
        RuleDescriptor(
            .catalogRootGate, .note, .load, title: "校验在非目录根元素处停止", explanation: "内部使用：校验遍历遇到非目录文件的根元素时停止，不单独报告。"),
        RuleDescriptor(
            .catalogValue, .error, .load, title: "取值无效", explanation: "目录中的属性或元素取值不符合 catalog.xsd 的代码表或格式，未被采用。"),
        RuleDescriptor(
            .catalogLimitList, .error, .load, title: "事项的列表过长", explanation: "单个事项的材料、收费等列表条数超过上限，文件可能损坏或为恶意构造。"),
        RuleDescriptor(.catalogLimitItems, .error, .load, title: "单个文件的事项过多", explanation: "单个目录文件的事项数超过上限，其余事项未被读取。"),
        RuleDescriptor(
            .catalogDuplicateCode, .error, .codes, title: "事项编码重复",
            explanation: "同一编码的事项只能定义一次（读取时检查；审计以 codes.duplicate 列出）。"),
        RuleDescriptor(
            .catalogUSCC, .error, .codes, title: "统一社会信用代码无效",
            explanation: "实施主体的统一社会信用代码须符合 GB 32100 的校验位（审计以 codes.uscc 列出）。"),
        RuleDescriptor(
            .catalogImplementationCode, .warning, .codes, title: "实施编码与编码规则不一致",
            explanation: "实施编码应由实施主体代码、层级和基本编码组成（审计以 codes.implementation-layout 列出）。"),
        RuleDescriptor(
            .catalogHandlingCode, .warning, .codes, title: "业务办理项编码前缀不符",
            explanation: "业务办理项编码应以实施编码开头（审计以 codes.handling-prefix 列出）。"),
        RuleDescriptor(
            .catalogBasicCode, .warning, .codes, title: "基本编码长度不符",
            explanation: "基本编码长度须符合所用编码规则（审计以 codes.basic-length 列出）。"),
        RuleDescriptor(
            .catalogRegionCode, .error, .codes, title: "行政区划代码格式错误",
            explanation: "行政区划代码须符合 GB/T 2260（6 位或 12 位数字）（审计以 codes.region 列出）。"),
        RuleDescriptor(
            .catalogPromiseExceedsStatutory, .error, .time, title: "承诺时限超过法定时限",
            explanation: "承诺时限不能长于法定时限（审计以 time.promise-exceeds-statutory 列出）。"),
    ]
}
