public import OnegoBase

// The rules `onego validate` emits for a workspace's other files.

extension RuleID {
    /// A file in the workspace whose onego document kind is unknown.
    public static let ioUnknownDocument = RuleID("io.unknown-document")
    /// An office-hours file that cannot be read.
    public static let officeHoursInvalid = RuleID("office-hours.invalid")
}

extension RuleDescriptor {
    /// The workspace rules of `onego validate`.
    public static let workspaceRules: [RuleDescriptor] = [
        RuleDescriptor(
            .ioUnknownDocument, .error, .workspace, title: "未知的 onego 文件类型",
            explanation: "工作区中的文件使用了 onego 不认识的命名空间，无法校验。"),
        RuleDescriptor(
            .officeHoursInvalid, .error, .workspace, title: "办公时间文件无效",
            explanation: "办公时间文件无法读取或取值无效。"),
    ]
}
