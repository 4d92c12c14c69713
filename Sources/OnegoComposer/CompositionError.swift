public import OnegoBase
import OnegoCatalog

/// Why a matter could not be composed for an answer set. Its `description` names the question (or member) and
/// where it is defined, in Chinese, as the officer reads it.
public enum CompositionError: CodedError, Sendable, Hashable {
    /// Required questions that are shown but not answered.
    case missingAnswers([Question])
    /// An answer names a question the matter does not have.
    case unknownQuestion(String, matter: String)
    /// An answer value the question does not offer.
    case unknownAnswer(value: String, question: Question)
    /// Several values for a yes/no or single-choice question, or a value repeated.
    case tooManyAnswers(values: [String], question: Question)
    /// A follow-up question was answered although the answers that show it were not given.
    case answerNotExpected(question: Question)
    /// A member's code is not in the catalog.
    case unknownItem(member: MatterMember)
    /// The selected members' order constraints form a cycle (member ids, first repeated at the end).
    case cycle([String], at: SourceLocation)
    /// A member item publishes neither a promised limit (未公布) nor a statutory one, so its duration is unknown.
    case noPromisedLimit(member: MatterMember, item: String)
    /// A due date could not be computed (no published calendar for the year, …).
    case calendar(String)
    /// A number or date answer that is malformed or out of range (`area=12a`, `birth=2026-02-30`, a future
    /// birth date); `reason` says what is expected.
    case invalidValue(value: String, question: Question, reason: String)

    /// The stable code, `composition.` followed by the case (`composition.missing-answers` …).
    public var code: RuleID {
        let name =
            switch self {
            case .missingAnswers: "missing-answers"
            case .unknownQuestion: "unknown-question"
            case .unknownAnswer: "unknown-answer"
            case .tooManyAnswers: "too-many-answers"
            case .answerNotExpected: "answer-not-expected"
            case .unknownItem: "unknown-item"
            case .cycle: "cycle"
            case .noPromisedLimit: "no-promised-limit"
            case .calendar: "calendar"
            case .invalidValue: "invalid-value"
            }
        return RuleID("composition." + name)
    }

    /// The text users read.
    public var description: String {
        switch self {
        case .missingAnswers(let questions):
            let list = questions.map { "\($0.id)（\($0.text)，\(Self.expected($0))）" }
            let place = questions.first.map { "\($0.location): " } ?? ""
            return "\(place)缺少以下情形的回答：" + list.joined(separator: "；") + "。请用 --answer 问题=答案 给出"
        case .unknownQuestion(let id, let matter):
            return "一件事 \(matter) 没有编号为 \(id) 的情形问题"
        case .unknownAnswer(let value, let question):
            let allowed = question.answers.map(\.value).joined(separator: "/")
            return
                "\(question.location): 情形问题 \(question.id)（\(question.text)）没有答案“\(value)”，可选：\(allowed)"
        case .tooManyAnswers(let values, let question):
            return "\(question.location): 情形问题 \(question.id)（\(question.text)）是\(question.kind.label)，"
                + "不能同时回答 \(values.joined(separator: "、"))"
        case .answerNotExpected(let question):
            let conditions = question.shownWhen.map { "\($0.question)=\($0.answer)" }.joined(
                separator: " 或 ")
            return "\(question.location): 情形问题 \(question.id)（\(question.text)）只在 \(conditions) 时提问，"
                + "与其他回答矛盾"
        case .unknownItem(let member):
            return "\(member.location): 成员事项 \(member.id) 的编码 \(member.code) 不在事项目录中"
        case .cycle(let ids, let location):
            return "\(location): 成员事项的先后顺序形成循环：\(ids.joined(separator: " → "))"
        case .noPromisedLimit(let member, let item):
            return "\(member.location): 成员事项 \(member.id)（\(item)，\(member.code)）未公布承诺办结时限，也没有法定办结时限，"
                + "无法计算一件事的时限；请在事项目录中补充承诺时限"
        case .calendar(let message):
            return "无法计算办结日期：\(message)"
        case .invalidValue(let value, let question, let reason):
            return "\(question.location): 情形问题 \(question.id)（\(question.text)）的回答“\(value)”无效：\(reason)"
        }
    }

    /// What a question accepts: its answers, or a number in its unit, or a date.
    static func expected(_ question: Question) -> String {
        switch question.kind {
        case .number: "填写数值（\(question.unit ?? "")）"
        case .date: "填写日期 YYYY-MM-DD"
        case .yesNo, .single, .multiple: "可选：\(question.answers.map(\.value).joined(separator: "/"))"
        }
    }

    /// The ids of the questions this error is about.
    public var questionIDs: [String] {
        switch self {
        case .missingAnswers(let questions): questions.map(\.id)
        case .unknownQuestion(let id, _): [id]
        case .unknownAnswer(_, let question), .tooManyAnswers(_, let question),
            .answerNotExpected(let question),
            .invalidValue(_, let question, _):
            [question.id]
        case .unknownItem, .noPromisedLimit, .cycle, .calendar: []
        }
    }
}
