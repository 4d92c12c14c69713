import OnegoCatalog
public import OnegoComposer
import OrderedCollections

/// The JSON that `onego compose --format json` and the workbench's composition API print, written directly.
///
/// The text is byte for byte what `JSONEncoder` (`.prettyPrinted`, `.sortedKeys`, `.withoutEscapingSlashes`) gave
/// when the composition was `Encodable`; that encoding is kept in the tests as the oracle the writer is checked
/// against. Writing directly takes a fraction of the encoder's time, which was about half of an uncached
/// composition request in the workbench.
///
/// Times are exact in the composition and rounded here, to 2 decimals (whole numbers as integers); rates to 4;
/// every Chinese text (notes, definitions, step names) comes from ``Composition``'s wording
/// (`CompositionWording.swift`). An hour-counted plan (``WorkingDayFigures/isHourPlan``) adds its figures in office
/// hours beside those in working days: `promisedHours`, `statutoryHours`, `finishesAfterHours`, `workingDays.hours`
/// (`unit` `小时`) and `reductions.hours`; a day plan prints no hour fields.
///
/// ```swift
/// let text = try CompositionJSON.text(composition, schemaVersion: 1)
/// ```
public enum CompositionJSON {
    /// The JSON text of `composition`; with `schemaVersion`, that key beside the composition's own (as the command
    /// line prints it). Throws `EncodingError.invalidValue` for a figure that is not a finite number, as the
    /// encoder did.
    public static func text(_ composition: Composition, schemaVersion: Int? = nil) throws -> String {
        String(decoding: try bytes(composition, schemaVersion: schemaVersion), as: UTF8.self)
    }

    /// The UTF-8 bytes of ``text(_:schemaVersion:)``, for a caller that sends them on (the workbench's response
    /// body) without making a `String` of them first.
    public static func bytes(_ composition: Composition, schemaVersion: Int? = nil) throws -> [UInt8] {
        var writer = PrettyJSONWriter(capacity: 2_048 + composition.materials.count * 400)
        writer.composition(composition, schemaVersion: schemaVersion)
        if let number = writer.nonConformingNumber {
            throw EncodingError.invalidValue(
                number, EncodingError.Context(codingPath: [], debugDescription: "不是有限数值，无法写入 JSON"))
        }
        return writer.bytes
    }
}

extension PrettyJSONWriter {
    /// The composition object (keys in the encoder's sorted order).
    mutating func composition(_ composition: Composition, schemaVersion: Int?) {
        let time = composition.workingDays
        beginObject()
        key("answers")
        answers(composition.answers)
        key("arrangement")
        beginObject()
        key("delivery")
        string(composition.arrangement.delivery.rawValue)
        key("intake")
        string(composition.arrangement.intake.rawValue)
        endObject()
        key("audience")
        beginObject()
        key("chosen")
        if let chosen = composition.audience { string(chosen.rawValue) } else { null() }
        key("served")
        strings(composition.servedAudiences.map(\.rawValue))
        endObject()
        key("criticalPath")
        strings(composition.criticalPath)
        if let due = composition.due {
            key("due")
            dueDates(due, excludes: composition.excludedProcedures)
        }
        key("materials")
        beginArray()
        for line in composition.materials { material(line, note: composition.note(for: line)) }
        endArray()
        key("matter")
        beginObject()
        key("code")
        string(composition.matterCode)
        key("name")
        string(composition.matterName)
        endObject()
        key("members")
        beginArray()
        for member in composition.members { self.member(member, time: time) }
        endArray()
        key("promisedLimit")
        string(composition.promisedLimit.description)
        key("reductions")
        reductions(composition.reductions, time: time)
        if let schemaVersion {
            key("schemaVersion")
            int(schemaVersion)
        }
        key("stages")
        beginArray()
        for stage in composition.stages { self.stage(stage, time: time) }
        endArray()
        steps(composition)
        key("trips")
        beginObject()
        key("after")
        int(Int(composition.visits.after))
        key("before")
        int(Int(composition.visits.before))
        key("definition")
        string(composition.tripsDefinition)
        endObject()
        key("visits")
        pair(composition.visits)
        key("workingDays")
        workingDays(time)
        endObject()
    }

    /// `{"invoice" : "是", "scope" : ["a", "b"], "area" : 120}`, keys sorted: yes/no, single-choice and date answers
    /// as strings, multiple-choice ones (and any question given several values) as arrays, numbers as numbers.
    mutating func answers(_ answers: AnswerSet) {
        beginObject()
        for question in Self.sortedKeys(answers.values.keys) {
            let chosen = answers[question]
            key(question)
            if answers.numbers.contains(question), chosen.count == 1, let number = QuestionNumber(chosen[0]) {
                rawNumber(number.description)
            } else if answers.multipleChoice.contains(question) || chosen.count != 1 {
                strings(chosen)
            } else {
                string(chosen[0])
            }
        }
        endObject()
    }

    /// `steps`: the count before, the count and names after, and how they are counted.
    mutating func steps(_ composition: Composition) {
        let names = composition.stepNames
        key("steps")
        beginObject()
        key("after")
        int(names.count)
        key("before")
        int(composition.steps.before)
        key("definition")
        string(composition.stepsDefinition)
        key("names")
        strings(names)
        endObject()
    }

    /// A pair before and after (rounded to 2 decimals) with its rate (4 decimals).
    mutating func pair(_ pair: BeforeAfter) {
        beginObject()
        key("after")
        number(pair.after.jsonNumber)
        key("before")
        number(pair.before.jsonNumber)
        key("rate")
        number(pair.rate)
        endObject()
    }

    /// A time in working days converted to office hours, rounded to 2 decimals.
    mutating func hours(_ days: Rational, time: WorkingDayFigures) {
        number(time.hours(days).doubleValue.jsonNumber)
    }
}

extension Double {
    /// Whole numbers as integers in JSON (`3`, not `3.0`), others rounded to 2 decimals.
    var jsonNumber: Double { (self * 100).rounded() / 100 }
}
