public import OnegoBase

// The rules the XML layer emits: reading files, well-formedness, schema validation and safety limits.

extension RuleID {
    /// A file could not be read (missing, no permission, I/O error).
    public static let ioRead = RuleID("io.read")
    /// A path names a device, pipe or socket rather than a regular file.
    public static let ioNotRegularFile = RuleID("io.not-regular-file")
    /// The file is not well-formed XML.
    public static let xmlSyntax = RuleID("xml.syntax")
    /// The file does not conform to its XSD.
    public static let xmlSchema = RuleID("xml.schema")
    /// A schema file could not be read or compiled.
    public static let xmlSchemaFile = RuleID("xml.schema-file")
    /// The bytes are not in the declared encoding.
    public static let xmlEncoding = RuleID("xml.encoding")
    /// The encoding declaration is malformed or unsupported.
    public static let xmlEncodingDeclaration = RuleID("xml.encoding-declaration")
    /// An undefined or malformed entity reference.
    public static let xmlEntity = RuleID("xml.entity")
    /// The file does not start like an XML document.
    public static let xmlNotXML = RuleID("xml.not-xml")
    /// A character XML forbids, or one that may not stand inside a tag.
    public static let xmlInvalidCharacter = RuleID("xml.invalid-character")
    /// A `<!DOCTYPE>` declaration (DTDs and entities are refused).
    public static let xmlDoctype = RuleID("xml.doctype")
    /// The file is empty.
    public static let xmlEmpty = RuleID("xml.empty")
    /// More messages than the per-file cap; the rest are counted, not listed.
    public static let xmlTooManyErrors = RuleID("xml.too-many-errors")
    /// libxml2 could not create a parser or validator.
    public static let xmlInternal = RuleID("xml.internal")
    /// Elements nested deeper than the limit.
    public static let xmlLimitDepth = RuleID("xml.limit.depth")
    /// An element's text longer than the limit.
    public static let xmlLimitText = RuleID("xml.limit.text")
    /// An element with more attributes than the limit.
    public static let xmlLimitAttributes = RuleID("xml.limit.attributes")
    /// A start tag longer than the limit.
    public static let xmlLimitStartTag = RuleID("xml.limit.start-tag")
    /// A file larger than the limit.
    public static let xmlLimitFileSize = RuleID("xml.limit.file-size")
}

extension RuleDescriptor {
    /// The rules of the XML layer, in listing order.
    public static let xmlRules: [RuleDescriptor] = [
        RuleDescriptor(
            .xmlSyntax, .error, .load, title: "XML 语法错误",
            explanation: "目录文件不是格式正确的 XML，出错位置之后的事项未被读取。"),
        RuleDescriptor(
            .xmlSchema, .error, .load, title: "不符合 catalog.xsd",
            explanation: "目录文件不符合 Schemas/catalog.xsd，相应取值未被采用。"),
        RuleDescriptor(.ioRead, .error, .load, title: "无法读取文件", explanation: "路径不存在或没有读取权限。"),
        RuleDescriptor(
            .ioNotRegularFile, .error, .load, title: "不是普通文件",
            explanation: "路径指向设备、管道或套接字等特殊文件，onego 不读取它们，以免阻塞或读到无穷数据。"),
        RuleDescriptor(
            .xmlSchemaFile, .error, .load, title: "Schema 文件不可用",
            explanation: "校验所用的 XSD 文件无法读取或无效；程序内置的 Schema 可被环境变量指定的目录覆盖。"),
        RuleDescriptor(
            .xmlEncoding, .error, .load, title: "字符编码错误",
            explanation: "文件中的字节不符合声明的编码（通常应为 UTF-8），常见于从其他系统导出的文件。"),
        RuleDescriptor(
            .xmlEncodingDeclaration, .error, .load, title: "编码声明错误",
            explanation: "<?xml … encoding=\"…\"?> 声明写法有误或编码不受支持。"),
        RuleDescriptor(
            .xmlEntity, .error, .load, title: "实体引用错误",
            explanation: "& 开头的实体引用未定义或写法不完整；文字中的 & 须写作 &amp;。"),
        RuleDescriptor(
            .xmlNotXML, .error, .load, title: "不是 XML 文件",
            explanation: "文件不以 '<' 开始，可能是表格、二进制或其他格式的文件。"),
        RuleDescriptor(
            .xmlInvalidCharacter, .error, .load, title: "非法字符",
            explanation: "XML 1.0 不允许的控制字符，或不能出现在标签中的字符（如全角空格）。"),
        RuleDescriptor(
            .xmlDoctype, .error, .load, title: "含有 DOCTYPE 声明",
            explanation: "onego 的文件不允许 DTD 和实体声明，以防外部实体注入与实体膨胀攻击。"),
        RuleDescriptor(.xmlEmpty, .error, .load, title: "空文件", explanation: "文件长度为 0 字节，不是 XML 文件。"),
        RuleDescriptor(
            .xmlTooManyErrors, .warning, .load, title: "消息过多",
            explanation: "单个文件的消息超过上限时只列出前若干条，其余只计数；文件的其余部分仍全部读取和检查。"),
        RuleDescriptor(
            .xmlInternal, .error, .load, title: "解析器内部错误",
            explanation: "无法创建 XML 解析器或 Schema 校验器（通常是内存不足）。"),
        RuleDescriptor(
            .xmlLimitDepth, .error, .load, title: "元素嵌套过深",
            explanation: "元素嵌套层数超过上限，文件可能损坏或为恶意构造。"),
        RuleDescriptor(
            .xmlLimitText, .error, .load, title: "元素文本过长",
            explanation: "单个元素的文本超过字节上限，文件可能损坏或为恶意构造。"),
        RuleDescriptor(
            .xmlLimitAttributes, .error, .load, title: "属性过多",
            explanation: "单个元素的属性数超过上限，文件可能损坏或为恶意构造。"),
        RuleDescriptor(
            .xmlLimitStartTag, .error, .load, title: "开始标签过长",
            explanation: "单个开始标签超过字节上限，文件可能损坏或为恶意构造。"),
        RuleDescriptor(
            .xmlLimitFileSize, .error, .load, title: "文件过大",
            explanation: "文件超过大小上限，未被读取；可用 --max-file-size 调整上限。"),
    ]
}
