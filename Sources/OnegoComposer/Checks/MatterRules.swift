public import OnegoBase

// The rules the composer emits: checks of matter definitions and of the material synonym table.

extension RuleID {
    /// Two members, questions or form fields share an ID.
    public static let matterDuplicateID = RuleID("matter.duplicate-id")
    /// Two matters share a code.
    public static let matterDuplicateCode = RuleID("matter.duplicate-code")
    /// A reference to a member that does not exist.
    public static let matterReferenceMember = RuleID("matter.reference.member")
    /// A follow-up condition citing a question that is not earlier.
    public static let matterReferenceQuestion = RuleID("matter.reference.question")
    /// A follow-up condition citing an answer the question does not offer.
    public static let matterReferenceAnswer = RuleID("matter.reference.answer")
    /// An answer that can never be chosen.
    public static let matterAnswerUnreachable = RuleID("matter.answer.unreachable")
    /// A member whose item code is not in the catalog.
    public static let matterMemberUnknownCode = RuleID("matter.member.unknown-code")
    /// An answer waiving a material the member item does not list.
    public static let matterMaterialUnknown = RuleID("matter.material.unknown")
    /// A question no combination of answers shows.
    public static let matterQuestionUnreachable = RuleID("matter.question.unreachable")
    /// A member no combination of answers selects.
    public static let matterMemberNeverSelected = RuleID("matter.member.never-selected")
    /// Members that precede each other.
    public static let matterCycle = RuleID("matter.cycle")
    /// A promise shorter than the members' critical path.
    public static let matterPromiseShort = RuleID("matter.promise.short")
    /// Too many answer combinations to check every one.
    public static let matterEnumerationTruncated = RuleID("matter.enumeration.truncated")
    /// A material change that never takes effect.
    public static let matterMaterialIdle = RuleID("matter.material.idle")
    /// A threshold in a unit other than its question's.
    public static let matterThresholdUnit = RuleID("matter.threshold.unit")
    /// Two thresholds of one question over the same range.
    public static let matterThresholdOverlap = RuleID("matter.threshold.overlap")
    /// Thresholds that contradict each other, or an empty range.
    public static let matterThresholdContradiction = RuleID("matter.threshold.contradiction")
    /// A service object no answer selects, or one the matter does not serve.
    public static let matterAudience = RuleID("matter.audience")
    /// A value in a matter file that is not valid.
    public static let matterValue = RuleID("matter.value")
    /// A file whose root is not a matter.
    public static let matterRoot = RuleID("matter.root")
    /// Another onego document in a matters folder, skipped.
    public static let matterSkipped = RuleID("matter.skipped")
    /// A joint form citing a material its member item does not list.
    public static let matterJointFormUnknownMaterial = RuleID("matter.joint-form.unknown-material")
    /// A joint form that replaces no member's form.
    public static let matterJointFormReplacesNothing = RuleID("matter.joint-form.replaces-nothing")
    /// A material name listed twice in the synonym table.
    public static let synonymsDuplicate = RuleID("synonyms.duplicate")
    /// A synonyms file whose root is not <synonyms>.
    public static let synonymsRoot = RuleID("synonyms.root")
}

extension RuleDescriptor {
    /// The rules of matter definitions, in listing order.
    public static let matterRules: [RuleDescriptor] = [
        RuleDescriptor(
            .matterDuplicateID, .error, .matters, title: "成员、问题或表单字段编号重复", explanation: "一件事内成员、情形问题和表单字段的编号须唯一。"),
        RuleDescriptor(.matterDuplicateCode, .error, .matters, title: "一件事编码重复", explanation: "同一编码的一件事只能定义一次。"),
        RuleDescriptor(
            .matterReferenceMember, .error, .matters, title: "引用了不存在的成员", explanation: "先后顺序、阶段、答案效果或表单映射引用的成员须存在。"),
        RuleDescriptor(.matterReferenceQuestion, .error, .matters, title: "引用了不存在的问题", explanation: "追问条件只能引用此前的问题。"),
        RuleDescriptor(
            .matterReferenceAnswer, .error, .matters, title: "引用了不存在的答案", explanation: "追问条件引用的答案须是该问题提供的选项。"),
        RuleDescriptor(
            .matterAnswerUnreachable, .error, .matters, title: "答案永远不能被选中", explanation: "重复的答案值、是非题中“是/否”以外的答案都无法选中。"),
        RuleDescriptor(
            .matterMemberUnknownCode, .error, .matters, title: "成员事项不在目录中", explanation: "一件事的成员事项编码须在事项目录中。"),
        RuleDescriptor(
            .matterMaterialUnknown, .error, .matters, title: "免去的材料不在成员事项中",
            explanation: "答案要免去的材料须是该成员事项目录中的申请材料，名称写错会让材料仍留在清单上。"),
        RuleDescriptor(.matterQuestionUnreachable, .error, .matters, title: "问题永远不会出现", explanation: "任何答案组合都不会显示该问题。"),
        RuleDescriptor(
            .matterMemberNeverSelected, .error, .matters, title: "成员事项永远不会被选中", explanation: "任何情形都不会选中该成员事项。"),
        RuleDescriptor(.matterCycle, .error, .matters, title: "成员先后顺序成环", explanation: "成员事项互为前置，无法排出办理顺序。"),
        RuleDescriptor(
            .matterPromiseShort, .error, .matters, title: "一件事承诺时限短于关键路径", explanation: "一件事的承诺时限不能短于某一情形下成员事项的关键路径。"),
        RuleDescriptor(
            .matterEnumerationTruncated, .note, .matters, title: "情形组合过多",
            explanation: "答案组合过多，且全部成员同时办理时超出承诺时限或成环，承诺时限和先后顺序只抽查了部分组合（可达性仍精确判定）。"),
        RuleDescriptor(
            .matterMaterialIdle, .warning, .matters, title: "材料增减永远不会生效",
            explanation: "答案或阈值免去、增加的材料，其成员事项在该答案被选中时从不被选中。"),
        RuleDescriptor(.matterThresholdUnit, .error, .matters, title: "阈值单位与问题不一致", explanation: "数值题、日期题的阈值须使用问题的单位。"),
        RuleDescriptor(.matterThresholdOverlap, .error, .matters, title: "阈值区间重复", explanation: "同一问题的两个阈值区间相同，规则应合并。"),
        RuleDescriptor(
            .matterThresholdContradiction, .error, .matters, title: "阈值规则矛盾",
            explanation: "区间重叠的阈值不能一个选中、一个排除同一成员（或一个增加、一个免去同一材料），区间也不能为空。"),
        RuleDescriptor(
            .matterAudience, .error, .matters, title: "服务对象未被选择", explanation: "服务多个对象的一件事须由答案选择每个服务对象，且答案只能选择一件事的服务对象。"
        ),
        RuleDescriptor(.matterValue, .error, .matters, title: "一件事取值无效", explanation: "一件事文件中的取值不符合 matter.xsd。"),
        RuleDescriptor(
            .matterRoot, .error, .matters, title: "不是一件事文件", explanation: "根元素不是 urn:onego:matter:1 的 <matter>。"),
        RuleDescriptor(
            .matterSkipped, .note, .matters, title: "不是一件事文件，已跳过",
            explanation: "文件夹中根元素不是 <matter> 的其他 onego 文件（如日历、同义词表）被跳过，不影响一件事的读取。"),
        RuleDescriptor(
            .matterJointFormUnknownMaterial, .error, .matters, title: "一表申请引用的材料不存在",
            explanation: "一表申请代替或引用的材料须是所属成员事项目录中的申请材料。"),
        RuleDescriptor(
            .matterJointFormReplacesNothing, .error, .matters, title: "一表申请没有代替任何材料",
            explanation: "一表申请应代替成员事项的申请表格，否则申请人仍要逐项填表。"),
    ]

    /// The rules of the material synonym table.
    public static let synonymRules: [RuleDescriptor] = [
        RuleDescriptor(
            .synonymsDuplicate, .error, .references, title: "同义词表中名称重复", explanation: "同一材料名称只能出现在同义词表的一组中。"),
        RuleDescriptor(
            .synonymsRoot, .error, .references, title: "不是材料同义词表",
            explanation: "根元素不是 urn:onego:synonyms:1 的 <synonyms>。"),
    ]
}
