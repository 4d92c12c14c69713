public import OnegoBase
public import OnegoCatalog

/// A "one matter, one go" bundle (一件事): member items of the catalog, the situation questions that select them,
/// optional explicit stages, the bundle's promised limit and an optional shared form. Read from
/// `Schemas/matter.xsd` files by ``MatterLoader``.
public struct Matter: Sendable, Hashable, Identifiable {
    /// The matter's published code, e.g. `YX-QYKB`.
    public var code: String
    /// The theme name, e.g. 企业开办.
    public var name: String
    /// A short description for officers.
    public var summary: String?
    /// Who applies: 自然人 or 法人 (or another service object).
    public var audience: ServiceObject
    /// The department that leads (牵头部门).
    public var leadDepartment: String
    /// The co-operating departments (协同部门).
    public var cooperatingDepartments: [String]
    /// The bundle's own promised limit for the whole matter.
    public var promisedLimit: TimeLimit
    /// The member items, in file order.
    public var members: [MatterMember]
    /// Explicit stages, in order; empty when the plan follows document flow only.
    public var stages: [ExplicitStage]
    /// The situation questions, in the order they are asked.
    public var questions: [Question]
    /// The shared form (一表申请) fields.
    public var formFields: [SharedFormField]
    /// The joint application form that replaces the members' own forms, if the matter has one.
    public var jointForm: JointForm?
    /// Member materials a written promise (告知承诺书) replaces under 告知承诺制.
    public var promises: [MaterialReference] = []
    /// How the bundle is handed in and its results delivered; ``IntakeArrangement/memberWindows`` when not declared.
    public var arrangement: IntakeArrangement?
    /// Where the root element is.
    public var location: SourceLocation
    /// Where the promised limit is.
    public var promisedLimitLocation: SourceLocation
    /// Every audience the matter file lists, in order (`audience="法人 个体工商户"`); `audience` is the first.
    /// With more than one, an answer with an `audience` picks who applies. Empty for a matter made in code with
    /// one audience; ``servedAudiences`` reads either.
    public var audiences: [ServiceObject] = []

    /// The audiences the matter serves: ``audiences``, or just ``audience`` when none are listed.
    public var servedAudiences: [ServiceObject] { audiences.isEmpty ? [audience] : audiences }

    /// The audience an answer set chose: the audience of the first given answer that names one; else the only
    /// audience of a matter that serves one; `nil` when the matter serves several and no answer chose.
    public func chosenAudience(_ answers: AnswerSet) -> ServiceObject? {
        for question in questions {
            for value in answers[question.id] {
                if let audience = question.answer(value: value)?.audience { return audience }
            }
        }
        let served = servedAudiences
        return served.count == 1 ? served[0] : nil
    }

    /// The matter code identifies the matter.
    public var id: String { code }

    /// Creates a matter (tests and converters; the loader fills every field from XML).
    public init(
        code: String, name: String, summary: String? = nil, audience: ServiceObject, leadDepartment: String,
        cooperatingDepartments: [String] = [], promisedLimit: TimeLimit, members: [MatterMember],
        stages: [ExplicitStage] = [], questions: [Question] = [], formFields: [SharedFormField] = [],
        location: SourceLocation = SourceLocation(file: "", line: 0, column: 0),
        promisedLimitLocation: SourceLocation = SourceLocation(file: "", line: 0, column: 0)
    ) {
        self.code = code
        self.name = name
        self.summary = summary
        self.audience = audience
        self.leadDepartment = leadDepartment
        self.cooperatingDepartments = cooperatingDepartments
        self.promisedLimit = promisedLimit
        self.members = members
        self.stages = stages
        self.questions = questions
        self.formFields = formFields
        self.location = location
        self.promisedLimitLocation = promisedLimitLocation
    }

    /// The member with this local id.
    public func member(id: String) -> MatterMember? { members.first { $0.id == id } }

    /// The question with this id.
    public func question(id: String) -> Question? { questions.first { $0.id == id } }
}

/// One member item of a matter.
public struct MatterMember: Sendable, Hashable, Identifiable {
    /// The member's short id within the matter file (e.g. `licence`).
    public var id: String
    /// The catalog code: a handling-item code or an implementation code.
    public var code: String
    /// Whether it is always in the bundle or only when an answer includes it.
    public var selection: MemberSelection
    /// Members (ids) that must finish before this one starts, besides document flow.
    public var after: [String]
    /// Where the `<member>` element is.
    public var location: SourceLocation

    /// Creates a member.
    public init(
        id: String, code: String, selection: MemberSelection = .always, after: [String] = [],
        location: SourceLocation = SourceLocation(file: "", line: 0, column: 0)
    ) {
        self.id = id
        self.code = code
        self.selection = selection
        self.after = after
        self.location = location
    }
}

/// How a member enters a composition.
public enum MemberSelection: String, Sendable, Hashable, Codable, CaseIterable {
    /// In every composition unless a chosen answer excludes it.
    case always
    /// Only when a chosen answer includes it (and none excludes it).
    case situational
}

/// An explicit stage: its members run after every selected member of the stages before it.
public struct ExplicitStage: Sendable, Hashable {
    /// The stage's name, if any.
    public var name: String?
    /// Member ids.
    public var members: [String]
    /// Where the `<stage>` element is.
    public var location: SourceLocation

    /// Creates a stage.
    public init(
        name: String? = nil, members: [String], location: SourceLocation = SourceLocation(file: "", line: 0, column: 0)
    ) {
        self.name = name
        self.members = members
        self.location = location
    }
}

/// A situation question (情形).
public struct Question: Sendable, Hashable, Identifiable {
    /// The question's id, used on the command line (`--answer id=value`).
    public var id: String
    /// yes/no, single or multiple choice.
    public var kind: QuestionKind
    /// Whether a shown question must be answered.
    public var isRequired: Bool
    /// The question as the citizen reads it.
    public var text: String
    /// An explanation for the officer or citizen.
    public var hint: String?
    /// The question is shown only when one of these holds; empty means always shown.
    public var shownWhen: [AnswerCondition]
    /// The possible answers, in order.
    public var answers: [AnswerOption]
    /// Where the `<question>` element is.
    public var location: SourceLocation
    /// The unit of a number question (平方米, 人 …) or of the time elapsed since a date question's answer
    /// (日, 月, 岁); nil for the other kinds.
    public var unit: String?
    /// The thresholds of a number or date question, in file order.
    public var thresholds: [Threshold]

    /// Creates a question.
    public init(
        id: String, kind: QuestionKind, isRequired: Bool = true, text: String, hint: String? = nil,
        shownWhen: [AnswerCondition] = [], answers: [AnswerOption],
        location: SourceLocation = SourceLocation(file: "", line: 0, column: 0), unit: String? = nil,
        thresholds: [Threshold] = []
    ) {
        self.id = id
        self.kind = kind
        self.isRequired = isRequired
        self.text = text
        self.hint = hint
        self.shownWhen = shownWhen
        self.answers = answers
        self.location = location
        self.unit = unit
        self.thresholds = thresholds
    }

    /// Whether this question is a follow-up of others.
    public var isFollowUp: Bool { !shownWhen.isEmpty }

    /// The answer with this value.
    public func answer(value: String) -> AnswerOption? { answers.first { $0.value == value } }

    /// An answer value as printed for people: the answer's label, a number with the question's unit
    /// (`80 平方米`, not `80`), a date as given.
    public func displayText(for value: String) -> String {
        switch kind {
        case .number: unit.map { "\(value) \($0)" } ?? value
        case .date: value
        case .yesNo, .single, .multiple: answer(value: value)?.displayText ?? value
        }
    }
}

/// The kind of a situation question.
public enum QuestionKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Answers 是 / 否.
    case yesNo
    /// Exactly one answer.
    case single
    /// One or more answers (zero or more when not required).
    case multiple
    /// A non-negative number in the question's unit, compared with its thresholds.
    case number
    /// A date (`YYYY-MM-DD`, e.g. a birth date); its thresholds compare the time elapsed since it, in the
    /// question's unit (日, 月 or 岁), on the acceptance date.
    case date

    /// The Chinese label.
    public var label: String {
        switch self {
        case .yesNo: "是否题"
        case .single: "单选题"
        case .multiple: "多选题"
        case .number: "数值题"
        case .date: "日期题"
        }
    }

    /// Whether answers are values compared with thresholds rather than listed options.
    public var isMeasured: Bool { self == .number || self == .date }
}

/// A condition on an earlier answer.
public struct AnswerCondition: Sendable, Hashable {
    /// The question's id.
    public var question: String
    /// The answer value that must have been chosen.
    public var answer: String
    /// Where the `<shownWhen>` element is.
    public var location: SourceLocation

    /// Creates a condition.
    public init(
        question: String, answer: String, location: SourceLocation = SourceLocation(file: "", line: 0, column: 0)
    ) {
        self.question = question
        self.answer = answer
        self.location = location
    }
}

/// One possible answer of a question and what choosing it does.
public struct AnswerOption: Sendable, Hashable {
    /// The value given on the command line and stored in answer sets.
    public var value: String
    /// The text shown, when it differs from the value.
    public var label: String?
    /// The effects of choosing it.
    public var effects: [AnswerEffect]
    /// Where the `<answer>` element is.
    public var location: SourceLocation
    /// The audience (服务对象) this answer picks, on the question that asks who applies.
    public var audience: ServiceObject?

    /// Creates an answer.
    public init(
        value: String, label: String? = nil, effects: [AnswerEffect] = [],
        location: SourceLocation = SourceLocation(file: "", line: 0, column: 0), audience: ServiceObject? = nil
    ) {
        self.value = value
        self.label = label
        self.effects = effects
        self.location = location
        self.audience = audience
    }

    /// The label, else the value.
    public var displayText: String { label ?? value }
}

/// What choosing an answer does.
public enum AnswerEffect: Sendable, Hashable {
    /// Includes a situational member.
    case includeMember(String, at: SourceLocation)
    /// Excludes a member (exclusion wins over inclusion).
    case excludeMember(String, at: SourceLocation)
    /// Drops one material (by catalog name) from a member's list.
    case excludeMaterial(member: String, name: String, at: SourceLocation)
    /// Adds a material to a member's list.
    case addMaterial(member: String, material: Material, at: SourceLocation)

    /// The member the effect is about.
    public var member: String {
        switch self {
        case .includeMember(let id, _), .excludeMember(let id, _): id
        case .excludeMaterial(let id, _, _), .addMaterial(let id, _, _): id
        }
    }

    /// Where the effect is written.
    public var location: SourceLocation {
        switch self {
        case .includeMember(_, let at), .excludeMember(_, let at), .excludeMaterial(_, _, let at),
            .addMaterial(_, _, let at):
            at
        }
    }
}

/// One field of the shared form (一表申请).
public struct SharedFormField: Sendable, Hashable, Identifiable {
    /// The field's id.
    public var id: String
    /// What the citizen reads.
    public var label: String
    /// The member fields it fills.
    public var mappings: [FieldMapping]
    /// Where the `<field>` element is.
    public var location: SourceLocation

    /// Creates a field.
    public init(
        id: String, label: String, mappings: [FieldMapping],
        location: SourceLocation = SourceLocation(file: "", line: 0, column: 0)
    ) {
        self.id = id
        self.label = label
        self.mappings = mappings
        self.location = location
    }
}

/// A member item's own form field filled by a shared field.
public struct FieldMapping: Sendable, Hashable {
    /// The member's id.
    public var member: String
    /// The field's name on that member's form.
    public var field: String
    /// Where the `<mapsTo>` element is.
    public var location: SourceLocation

    /// Creates a mapping.
    public init(member: String, field: String, location: SourceLocation = SourceLocation(file: "", line: 0, column: 0))
    {
        self.member = member
        self.field = field
        self.location = location
    }
}
