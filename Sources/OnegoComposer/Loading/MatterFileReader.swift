import OnegoBase
import OnegoCatalog
import OnegoXML

/// Builds a ``Matter`` from the events of one matter file as they stream by.
///
/// With a schema the values are already checked; without one (a trusted load) bad values fall back to defaults
/// and are reported once each.
final class MatterFileReader: XMLContentHandler {
    /// Whether the root was a matter, another onego document (skipped in folders), or something else.
    enum RootKind: Equatable {
        case unknown, matter, otherOnego, foreign
    }

    private(set) var root: RootKind = .unknown
    private(set) var matter: Matter?
    let skipsOtherOnegoDocuments: Bool
    let isValidated: Bool

    private var kinds: [Element?] = []
    private var text: [UInt8] = []
    private var question: Question?
    private var answer: AnswerOption?
    private var threshold: Threshold?
    private var field: SharedFormField?

    init(skipsOtherOnegoDocuments: Bool, isValidated: Bool) {
        self.skipsOtherOnegoDocuments = skipsOtherOnegoDocuments
        self.isValidated = isValidated
    }

    private enum Element: String {
        case matter, name, description, leadDepartment, cooperatingDepartment, promisedLimit, members, member
        case stages, stage, questions, question, text, hint, shownWhen, answer, includeMember, excludeMember
        case excludeMaterial, addMaterial, sharedForm, field, mapsTo
        case threshold
        case jointForm, replaces, promises, promise, intake
    }

    private func kind(of name: XMLName) -> Element? {
        if name.id < kinds.count, let known = kinds[name.id] { return known }
        let resolved = name.namespaceURI == OnegoNamespace.matter ? Element(rawValue: name.localName) : nil
        while kinds.count <= name.id { kinds.append(nil) }
        kinds[name.id] = resolved
        return resolved
    }

    func startElement(_ name: XMLName, attributes: [XMLAttribute], context: XMLParseContext) {
        text.removeAll(keepingCapacity: true)
        if context.depth == 1 {
            checkRoot(name, attributes: attributes, context: context)
            return
        }
        guard let element = kind(of: name), matter != nil else { return }
        let a = Attributes(attributes: attributes, context: context, element: name.localName, reports: !isValidated)
        let here = context.tagLocation
        switch element {
        case .promisedLimit:
            matter?.promisedLimitLocation = here
            if let limit = a.timeLimit() { matter?.promisedLimit = limit }
        case .member:
            matter?.members.append(
                MatterMember(
                    id: a.string("id") ?? "", code: a.string("code") ?? "",
                    selection: a.enumeration("selection", MemberSelection.self) ?? .always,
                    after: a.list("after"), location: here))
        case .stage:
            matter?.stages.append(ExplicitStage(name: a.string("name"), members: a.list("members"), location: here))
        case .question:
            question = Question(
                id: a.string("id") ?? "", kind: a.enumeration("kind", QuestionKind.self) ?? .yesNo,
                isRequired: a.boolean("required") ?? true, text: "", answers: [], location: here, unit: a.string("unit")
            )
        case .shownWhen:
            question?.shownWhen.append(
                AnswerCondition(question: a.string("question") ?? "", answer: a.string("answer") ?? "", location: here))
        case .answer:
            answer = AnswerOption(
                value: a.string("value") ?? "", label: a.string("label"), location: here,
                audience: a.enumeration("audience", ServiceObject.self))
        case .threshold:
            threshold = a.threshold(at: here)
        case .includeMember:
            addEffect(.includeMember(a.string("member") ?? "", at: here))
        case .excludeMember:
            addEffect(.excludeMember(a.string("member") ?? "", at: here))
        case .excludeMaterial:
            addEffect(.excludeMaterial(member: a.string("member") ?? "", name: a.string("name") ?? "", at: here))
        case .addMaterial:
            let material = Material(
                name: a.string("name") ?? "", necessity: a.enumeration("necessity", Necessity.self) ?? .required,
                originals: a.integer("originals") ?? 0, copies: a.integer("copies") ?? 0,
                eLicence: a.string("eLicence"), holder: a.string("holder"), location: here)
            addEffect(.addMaterial(member: a.string("member") ?? "", material: material, at: here))
        case .field:
            field = SharedFormField(
                id: a.string("id") ?? "", label: a.string("label") ?? "", mappings: [], location: here)
        case .mapsTo:
            field?.mappings.append(
                FieldMapping(member: a.string("member") ?? "", field: a.string("field") ?? "", location: here))
        case .jointForm:
            matter?.jointForm = JointForm(
                name: a.string("name") ?? "", replacesApplicationForms: a.boolean("replacesApplicationForms") ?? true,
                location: here)
        case .replaces:
            matter?.jointForm?.replaces.append(
                MaterialReference(member: a.string("member") ?? "", name: a.string("name") ?? "", location: here))
        case .promise:
            matter?.promises.append(
                MaterialReference(member: a.string("member") ?? "", name: a.string("name") ?? "", location: here))
        case .intake:
            matter?.arrangement = IntakeArrangement(
                intake: a.enumeration("mode", IntakeMode.self) ?? .memberWindows,
                delivery: a.enumeration("delivery", DeliveryMode.self) ?? .window)
        case .matter, .name, .description, .leadDepartment, .cooperatingDepartment, .members, .stages, .questions,
            .text, .hint, .sharedForm, .promises:
            break
        }
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>, context: XMLParseContext) {
        text.append(contentsOf: bytes)
    }

    func endElement(_ name: XMLName, context: XMLParseContext) {
        defer { text.removeAll(keepingCapacity: true) }
        guard context.depth > 1, let element = kind(of: name), matter != nil else { return }
        switch element {
        case .name: matter?.name = collapsedText()
        case .description: matter?.summary = collapsedText()
        case .leadDepartment: matter?.leadDepartment = collapsedText()
        case .cooperatingDepartment: matter?.cooperatingDepartments.append(collapsedText())
        case .text: question?.text = collapsedText()
        case .hint: question?.hint = collapsedText()
        case .answer:
            if let answer { question?.answers.append(answer) }
            answer = nil
        case .threshold:
            if let threshold { question?.thresholds.append(threshold) }
            threshold = nil
        case .question:
            if let question { matter?.questions.append(question) }
            question = nil
        case .field:
            if let field { matter?.formFields.append(field) }
            field = nil
        case .matter, .promisedLimit, .members, .member, .stages, .stage, .questions, .shownWhen, .includeMember,
            .excludeMember, .excludeMaterial, .addMaterial, .sharedForm, .mapsTo:
            break
        case .jointForm, .replaces, .promises, .promise, .intake:
            break
        }
    }

    /// An effect inside a `<threshold>` belongs to it, else to the current `<answer>`.
    private func addEffect(_ effect: AnswerEffect) {
        if threshold != nil {
            threshold?.effects.append(effect)
        } else {
            answer?.effects.append(effect)
        }
    }

    private func checkRoot(_ name: XMLName, attributes: [XMLAttribute], context: XMLParseContext) {
        if name.namespaceURI == OnegoNamespace.matter && name.localName == "matter" {
            root = .matter
            let a = Attributes(attributes: attributes, context: context, element: "matter", reports: !isValidated)
            let audiences = a.audiences()
            matter = Matter(
                code: a.string("code") ?? "", name: "", audience: audiences.first ?? .naturalPerson,
                leadDepartment: "", promisedLimit: TimeLimit(0, .workingDays), members: [],
                location: context.tagLocation)
            matter?.audiences = audiences
            return
        }
        if OnegoNamespace.isOnego(name.namespaceURI) {
            root = .otherOnego
            if skipsOtherOnegoDocuments {
                context.abort(
                    Diagnostic(.note, rule: .matterSkipped, message: "不是一件事定义文件，已跳过", at: context.tagLocation))
                return
            }
        } else {
            root = .foreign
        }
        let found = name.namespaceURI.isEmpty ? "无命名空间" : name.namespaceURI
        context.abort(
            Diagnostic(
                .error, rule: .matterRoot,
                message: "根元素应为 <matter xmlns=\"\(OnegoNamespace.matter)\">，实为 <\(name.localName)>（\(found)）",
                at: context.tagLocation))
    }

    private func collapsedText() -> String {
        let decoded = String(decoding: text, as: UTF8.self)
        return decoded.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
            .joined(separator: " ")
    }
}

/// Typed attribute values of one start tag.
private struct Attributes {
    let attributes: [XMLAttribute]
    let context: XMLParseContext
    let element: String
    let reports: Bool

    func string(_ name: String) -> String? {
        guard let attribute = attributes.first(where: { $0.name.localName == name }) else { return nil }
        let value = attribute.stringValue
        return value.split(whereSeparator: \.isWhitespace).isEmpty ? nil : value.trimmedSpaces
    }

    func list(_ name: String) -> [String] {
        (string(name) ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
    }

    func enumeration<T: RawRepresentable>(_ name: String, _ type: T.Type) -> T? where T.RawValue == String {
        guard let raw = string(name) else { return nil }
        if let value = T(rawValue: raw) { return value }
        bad(name, raw)
        return nil
    }

    func integer(_ name: String) -> Int? {
        guard let raw = string(name) else { return nil }
        if let value = Int(raw), (0...99).contains(value) { return value }
        bad(name, raw)
        return nil
    }

    func boolean(_ name: String) -> Bool? {
        switch string(name) {
        case nil: return nil
        case "true", "1": return true
        case "false", "0": return false
        case let raw?:
            bad(name, raw)
            return nil
        }
    }

    func timeLimit() -> TimeLimit? {
        guard let raw = string("value") else { return nil }
        guard let value = Double(raw), value.isFinite, value >= 0 else {
            bad("value", raw)
            return nil
        }
        guard let unit = enumeration("unit", TimeUnit.self) else { return nil }
        return TimeLimit(value, unit, note: string("note"))
    }

    /// `audience="法人 个体工商户"`: every audience the matter serves.
    func audiences() -> [ServiceObject] {
        list("audience").compactMap { raw in
            guard let audience = ServiceObject(rawValue: raw) else {
                bad("audience", raw)
                return nil
            }
            return audience
        }
    }

    /// `<threshold atLeast="300" below="500" unit="平方米">` (one side may be left out); a malformed bound is
    /// reported here too when no schema checked it (trusted loads).
    func threshold(at location: SourceLocation) -> Threshold? {
        var bounds: [QuestionNumber?] = []
        for name in ["atLeast", "below"] {
            guard let raw = string(name) else {
                bounds.append(nil)
                continue
            }
            guard let bound = QuestionNumber(raw) else {
                if reports {
                    context.report(
                        Diagnostic(
                            .error, rule: .matterValue,
                            message: "阈值 \(name)=\"\(raw)\" 不是有效的数（应为不小于 0 的十进制数，如 50 或 49.5）",
                            at: location))
                }
                return nil
            }
            bounds.append(bound)
        }
        guard bounds[0] != nil || bounds[1] != nil else {
            context.report(
                Diagnostic(
                    .error, rule: .matterValue, message: "<threshold> 至少要写 atLeast（≥）或 below（<）之一",
                    at: location))
            return nil
        }
        return Threshold(atLeast: bounds[0], below: bounds[1], unit: string("unit") ?? "", location: location)
    }

    private func bad(_ name: String, _ raw: String) {
        guard reports else { return }
        context.report(
            Diagnostic(
                .error, rule: .matterValue, message: "<\(element)> 的属性 \(name)=\"\(raw)\" 取值无效",
                at: context.tagLocation))
    }
}

extension String {
    /// The string without leading and trailing white space.
    var trimmedSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
