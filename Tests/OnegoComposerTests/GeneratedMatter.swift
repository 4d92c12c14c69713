import OnegoBase
import OnegoCatalog
import OnegoComposer
import OnegoXML

/// A matter, its catalog and an answer set built from a list of random numbers (the input a property test
/// generates and shrinks): 1–6 members over real-looking items, each with materials drawn from a pool of real
/// material names and holders (some with an e-licence type, some application forms), limits in working days,
/// natural days or hours, visits, 免证办, a result that later members may need (document flow), a yes/no question
/// per situational member, an optional joint form and an intake arrangement.
struct GeneratedMatter: CustomStringConvertible {
    var matter: Matter
    var catalog: Catalog
    var answers: AnswerSet
    /// Days after 2026-01-05 on which the bundle is accepted (within the published 2026 calendar).
    var acceptedOffset: Int
    /// Minutes after midnight of the acceptance time.
    var acceptedMinute: Int

    /// Documents an applicant may be asked for: name, e-licence type, holder.
    static let documents: [(String, String?, String?)] = [
        ("居民身份证", "居民身份证", "申请人本人"), ("法定代表人身份证件", "居民身份证", "法定代表人"),
        ("经办人身份证件", "居民身份证", "经办人"), ("母亲居民身份证", "居民身份证", "新生儿母亲"),
        ("父亲居民身份证", "居民身份证", "新生儿父亲"), ("居民户口簿", "居民户口簿", "申请人本人"),
        ("结婚证", "结婚证", "配偶"), ("公司章程", nil, nil), ("住所（经营场所）使用证明", nil, nil),
        ("房屋租赁合同", nil, nil), ("委托书", nil, nil), ("身份证", "居民身份证", nil),
    ]
    /// Results a member produces, each an e-licence later members may ask for.
    static let results = ["营业执照", "出生医学证明", "不动产权证书", "社会保障卡", "食品经营许可证", "医保参保信息"]
    static let nowhere = SourceLocation(file: "", line: 0, column: 0)
    static let itemNames = ["企业设立登记", "公章刻制备案", "申领发票", "单位参保登记", "出生登记", "社会保障卡申领"]

    /// Builds a matter from `numbers`; any list of non-negative numbers gives a valid matter.
    init(_ numbers: [Int]) {
        var source = NumberSource(numbers)
        let count = 1 + source.next(6)
        var items: [ServiceItem] = []
        var members: [MatterMember] = []
        var questions: [Question] = []
        var answers = AnswerSet()
        for index in 0..<count {
            items.append(Self.item(index, source: &source))
            let situational = index > 0 && source.next(2) == 1
            members.append(
                MatterMember(id: "m\(index)", code: items[index].id, selection: situational ? .situational : .always))
            if situational {
                questions.append(
                    Question(
                        id: "q\(index)", kind: .yesNo, text: "是否办理\(items[index].name)？",
                        answers: [
                            AnswerOption(value: "是", effects: [.includeMember("m\(index)", at: Self.nowhere)]),
                            AnswerOption(value: "否"),
                        ]))
                answers.add(source.next(2) == 0 ? "是" : "否", for: "q\(index)")
            }
        }
        let promise = Self.limit(source: &source, scale: 3)
        matter = Matter(
            code: "GEN-\(count)", name: "生成的一件事", audience: .legalPerson, leadDepartment: "市场监督管理局",
            promisedLimit: promise, members: members, questions: questions)
        if source.next(2) == 1 { matter.jointForm = JointForm(name: "“一件事”联办申请表") }
        let intakes: [IntakeMode] = [.jointWindow, .online, .memberWindows]
        let deliveries: [DeliveryMode] = [.post, .eLicence, .window]
        if source.next(4) > 0 {
            matter.arrangement = IntakeArrangement(
                intake: intakes[source.next(3)], delivery: deliveries[source.next(3)])
        }
        catalog = Catalog(items: items)
        self.answers = answers
        acceptedOffset = source.next(300)
        acceptedMinute = source.next(24 * 60)
    }

    private static func item(_ index: Int, source: inout NumberSource) -> ServiceItem {
        var materials: [Material] = [
            Material(name: itemNames[index] + "申请表", type: .form, necessity: .required, originals: 1)
        ]
        for _ in 0..<source.next(5) {
            // Earlier members' results, or a document from the pool.
            if index > 0 && source.next(3) == 0 {
                let produced = results[source.next(index)]
                materials.append(
                    Material(
                        name: produced, type: .certificate, source: .government, originals: 1, eLicence: produced,
                        holder: "单位"))
                continue
            }
            let (name, licence, holder) = documents[source.next(documents.count)]
            let necessities: [Necessity] = [.required, .required, .supplyLater, .optional]
            materials.append(
                Material(
                    name: name, type: .certificate, necessity: necessities[source.next(4)],
                    source: licence == nil ? .applicant : .government, originals: source.next(2),
                    copies: source.next(3),
                    eLicence: licence, supplyDays: 0.5, holder: holder))
        }
        let online = source.next(2) == 1
        return ServiceItem(
            codes: ItemCodes(basic: "000000000000", implementation: "GEN\(index)"), name: itemNames[index],
            department: "部门\(index)", promisedLimit: limit(source: &source, scale: 1), visits: source.next(3),
            online: OnlineService(isAvailable: online, depth: online ? .fullyOnline : .information),
            modes: HandlingModes(isCertificateFree: source.next(2) == 1), materials: materials,
            results: [ItemResult(name: results[index], eLicence: results[index])])
    }

    /// A limit in working days (halves), natural days or hours; 0 (即办) is common.
    private static func limit(source: inout NumberSource, scale: Int) -> TimeLimit {
        switch source.next(4) {
        case 0: TimeLimit(0, .workingDays)
        case 1: TimeLimit(Double(source.next(10 * scale)) / 2, .workingDays)
        case 2: TimeLimit(Double(source.next(10 * scale)), .naturalDays)
        default: TimeLimit(Double(source.next(7 * scale)), .hours)
        }
    }

    /// The same matter with its members (and their questions) in reverse order.
    var reversed: Matter {
        var copy = matter
        copy.members.reverse()
        copy.questions.reverse()
        copy.code += "-R"
        return copy
    }

    /// The matter with every member given twice (a clone of each item under another code), and the catalog
    /// holding the clones; the clones answer as their originals do.
    var doubled: (matter: Matter, catalog: Catalog, answers: AnswerSet) {
        var copy = matter
        var items = catalog.items
        var answers = self.answers
        for member in matter.members {
            guard var item = catalog.item(code: member.code) else { continue }
            item.codes = ItemCodes(basic: item.codes.basic, implementation: item.codes.implementation + "B")
            items.append(item)
            copy.members.append(MatterMember(id: member.id + "b", code: item.id, selection: member.selection))
            if let question = matter.question(id: "q" + member.id.dropFirst()) {
                var twin = question
                twin.id += "b"
                twin.answers = question.answers.map { answer in
                    var twinAnswer = answer
                    twinAnswer.effects =
                        answer.effects.isEmpty
                        ? [] : [.includeMember(member.id + "b", at: Self.nowhere)]
                    return twinAnswer
                }
                copy.questions.append(twin)
                answers.set(self.answers[question.id], for: twin.id)
            }
        }
        copy.code += "-D"
        return (copy, Catalog(items: items), answers)
    }

    var description: String {
        let members = matter.members.map { member in
            let item = catalog.item(code: member.code)
            return
                "\(member.id)(\(item?.name ?? ""), \(item?.promisedLimit?.description ?? ""), 跑动\(item?.visits ?? 0), "
                + "材料 \(item?.materials.map { $0.name + ($0.holder.map { "/" + $0 } ?? "") }.joined(separator: "、") ?? ""))"
        }
        return
            "\(matter.code) 承诺\(matter.promisedLimit) \(matter.arrangement.map { "\($0.intake)/\($0.delivery)" } ?? "无安排") "
            + "联办表\(matter.jointForm != nil) 答案[\(answers)] 受理+\(acceptedOffset)天 \(members.joined(separator: "; "))"
    }
}

/// Reads bounded numbers off a list, cycling; an empty list reads zeros.
struct NumberSource {
    private let numbers: [Int]
    private var position = 0

    init(_ numbers: [Int]) { self.numbers = numbers }

    /// A number in `0..<bound`.
    mutating func next(_ bound: Int) -> Int {
        guard !numbers.isEmpty, bound > 1 else { return 0 }
        defer { position += 1 }
        return abs(numbers[position % numbers.count]) % bound
    }
}
