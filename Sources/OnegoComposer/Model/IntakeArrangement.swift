/// How the applicant hands in a bundle and gets its results: the arrangement behind "最多跑一次".
///
/// Trips (跑动次数) after bundling are the visits under this arrangement; before, each member is applied for and
/// collected at its own window (its published 到办事现场次数).
public struct IntakeArrangement: Sendable, Hashable {
    /// Where the application is taken.
    public var intake: IntakeMode
    /// How results reach the applicant.
    public var delivery: DeliveryMode

    /// Creates an arrangement.
    public init(intake: IntakeMode, delivery: DeliveryMode) {
        self.intake = intake
        self.delivery = delivery
    }

    /// The arrangement of a matter that declares none: each member at its own window, results collected there.
    public static let memberWindows = IntakeArrangement(intake: .memberWindows, delivery: .window)
}

/// Where a bundle's application is taken.
public enum IntakeMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// 一窗受理: one counter takes the whole file.
    case jointWindow
    /// 一网办理: applied for online, no visit.
    case online
    /// Each member at its own window.
    case memberWindows

    /// The Chinese label.
    public var label: String {
        switch self {
        case .jointWindow: "综合窗口一窗受理"
        case .online: "网上申请"
        case .memberWindows: "各事项窗口分别受理"
        }
    }
}

/// How a bundle's results reach the applicant.
public enum DeliveryMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// 邮寄送达 (free post).
    case post
    /// 电子证照: results issued as e-licences.
    case eLicence
    /// Collected at the window.
    case window

    /// The Chinese label.
    public var label: String {
        switch self {
        case .post: "免费邮寄送达"
        case .eLicence: "电子证照发放"
        case .window: "窗口领取"
        }
    }
}
