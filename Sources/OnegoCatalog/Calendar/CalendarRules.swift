public import OnegoBase

// The rules the working-day calendar loader and its checks emit.

extension RuleID {
    /// No calendar file where one was expected.
    public static let ioNoCalendar = RuleID("io.no-calendar")
    /// A value in a calendar file that is not valid.
    public static let calendarValue = RuleID("calendar.value")
    /// Another onego document in a calendars folder, skipped.
    public static let calendarSkipped = RuleID("calendar.skipped")
    /// A calendar file whose root is not <calendar>.
    public static let calendarRoot = RuleID("calendar.root")
    /// Two files for one year.
    public static let calendarDuplicateYear = RuleID("calendar.duplicate-year")
    /// A date outside the file's year.
    public static let calendarOutsideYear = RuleID("calendar.outside-year")
    /// A holiday that ends before it starts.
    public static let calendarRangeReversed = RuleID("calendar.range-reversed")
    /// Holidays that overlap, or a make-up working day inside a holiday.
    public static let calendarOverlap = RuleID("calendar.overlap")
    /// A make-up working day listed twice.
    public static let calendarDuplicate = RuleID("calendar.duplicate")
    /// A make-up working day that is already a weekday.
    public static let calendarMakeupOnWeekday = RuleID("calendar.makeup-on-weekday")
    /// A declared working-day total that does not match the count.
    public static let calendarTotalMismatch = RuleID("calendar.total-mismatch")
}

extension RuleDescriptor {
    /// The rules of working-day calendar files, in listing order.
    public static let calendarRules: [RuleDescriptor] = [
        RuleDescriptor(
            .ioNoCalendar, .error, .calendars, title: "没有工作日历文件",
            explanation: "给出的路径中没有根元素为 <calendar> 的 .xml 文件，或环境变量指向的日历目录不存在。"),
        RuleDescriptor(
            .calendarValue, .error, .calendars, title: "日历取值无效", explanation: "年份、工作日总数或日期须是有效值（日期为 YYYY-MM-DD）。"),
        RuleDescriptor(
            .calendarSkipped, .note, .calendars, title: "其他 onego 文件，已跳过", explanation: "日历文件夹中的其他 onego 文件不作为日历读取。"),
        RuleDescriptor(
            .calendarRoot, .error, .calendars, title: "不是工作日历文件",
            explanation: "根元素须是 urn:onego:calendar:1 的 <calendar>。"),
        RuleDescriptor(.calendarDuplicateYear, .error, .calendars, title: "年份重复", explanation: "同一年的节假日安排只能出现在一个文件中。"),
        RuleDescriptor(
            .calendarOutsideYear, .error, .calendars, title: "日期不在本年", explanation: "假期和调休上班日须在文件所属年份内，跨年假期请拆分。"),
        RuleDescriptor(.calendarRangeReversed, .error, .calendars, title: "假期起止颠倒", explanation: "假期的开始日期不能晚于结束日期。"),
        RuleDescriptor(.calendarOverlap, .error, .calendars, title: "假期重叠", explanation: "两个假期不能重叠，调休上班日也不能落在假期之内。"),
        RuleDescriptor(.calendarDuplicate, .error, .calendars, title: "调休上班日重复", explanation: "同一调休上班日只能列出一次。"),
        RuleDescriptor(
            .calendarMakeupOnWeekday, .error, .calendars, title: "调休上班日不在周末", explanation: "调休上班日只能是星期六或星期日。"),
        RuleDescriptor(
            .calendarTotalMismatch, .error, .calendars, title: "工作日总数不符",
            explanation: "workingDays 属性须等于按假期和调休安排数出的工作日数。"),
    ]
}
