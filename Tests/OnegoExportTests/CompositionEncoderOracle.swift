import Foundation
import OnegoCatalog
import OnegoComposer
import OnegoExport

// The test oracle for `CompositionJSON`: the `Encodable` conformances that printed the composition JSON through
// `JSONEncoder` before it was written directly, kept unchanged so the writer's bytes can be compared with them.

/// The JSON that `onego compose --format json` and the workbench's composition API printed through the encoder.
///
/// Times are exact in the composition and rounded here, to 2 decimals (whole numbers as integers); rates to 4;
/// every Chinese text (notes, definitions, step names) comes from ``Composition``'s wording
/// (`CompositionWording.swift`). Hour plans add hour figures (``HourFigures``).
extension Composition: Encodable {
    enum CodingKeys: String, CodingKey {
        case matter, answers, audience, members, materials, stages, criticalPath, workingDays, visits, trips, steps,
            arrangement
        case reductions, promisedLimit, due
    }

    /// Encodes the value in the JSON shape documented on the type.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(["code": matterCode, "name": matterName], forKey: .matter)
        try container.encode(answers, forKey: .answers)
        try container.encode(
            AudienceFigure(chosen: audience?.rawValue, served: servedAudiences.map(\.rawValue)), forKey: .audience)
        try container.encode(membersJSON, forKey: .members)
        try container.encode(materials.map { MaterialJSON(line: $0, note: note(for: $0)) }, forKey: .materials)
        try container.encode(stagesJSON, forKey: .stages)
        try container.encode(criticalPath, forKey: .criticalPath)
        try container.encode(workingDays, forKey: .workingDays)
        try container.encode(visits, forKey: .visits)
        try container.encode(
            TripsFigure(before: Int(visits.before), after: Int(visits.after), definition: tripsDefinition),
            forKey: .trips)
        try container.encode(
            StepsFigure(before: steps.before, names: stepNames, definition: stepsDefinition), forKey: .steps)
        try container.encode(
            ["intake": arrangement.intake.rawValue, "delivery": arrangement.delivery.rawValue], forKey: .arrangement)
        try container.encode(ReductionsWithHours(reductions: reductions, time: workingDays), forKey: .reductions)
        try container.encode(promisedLimit.description, forKey: .promisedLimit)
        if let due { try container.encode(DueJSON(due: due, excludes: excludedProcedures), forKey: .due) }
    }
}

extension ComposedMember: Encodable {
    enum CodingKeys: String, CodingKey {
        case id, code, name, department, stage, promisedWorkingDays, statutoryWorkingDays, promisedLimit, visits
        case isOnline = "online", isCritical = "critical", finishesAfter, specialProcedures
    }

    /// Encodes the value, times rounded to 2 decimals.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(code, forKey: .code)
        try container.encode(name, forKey: .name)
        try container.encode(department, forKey: .department)
        try container.encode(stage, forKey: .stage)
        try container.encode(promisedWorkingDays.oracleNumber, forKey: .promisedWorkingDays)
        try container.encodeIfPresent(statutoryWorkingDays?.oracleNumber, forKey: .statutoryWorkingDays)
        try container.encode(promisedLimit.description, forKey: .promisedLimit)
        try container.encode(visits, forKey: .visits)
        try container.encode(isOnline, forKey: .isOnline)
        try container.encode(isCritical, forKey: .isCritical)
        try container.encode(finishesAfter.oracleNumber, forKey: .finishesAfter)
        if !specialProcedures.isEmpty { try container.encode(specialProcedureTexts, forKey: .specialProcedures) }
    }
}

/// One material line with its note, as the compose JSON prints it.
struct MaterialJSON: Encodable {
    var line: MergedMaterial
    var note: String?

    enum CodingKeys: String, CodingKey {
        case name, holder, aliases, necessity, originals, copies, eLicence, usedBy, disposition, providedBy
        case fetchedAs, replacedBy, note, holderHint, jointForm
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(line.name, forKey: .name)
        try container.encode(line.holder ?? "", forKey: .holder)
        if line.aliases.count > 1 { try container.encode(line.aliases, forKey: .aliases) }
        try container.encode(line.necessity.rawValue, forKey: .necessity)
        try container.encode(line.originals, forKey: .originals)
        try container.encode(line.copies, forKey: .copies)
        try container.encodeIfPresent(line.eLicence, forKey: .eLicence)
        try container.encode(line.usedBy, forKey: .usedBy)
        try container.encode(line.disposition.rawValue, forKey: .disposition)
        try container.encodeIfPresent(line.providedBy, forKey: .providedBy)
        try container.encodeIfPresent(line.fetchedAs, forKey: .fetchedAs)
        try container.encodeIfPresent(line.replacedBy, forKey: .replacedBy)
        try container.encodeIfPresent(note, forKey: .note)
        try container.encodeIfPresent(line.holderHint, forKey: .holderHint)
        if line.isJointForm { try container.encode(true, forKey: .jointForm) }
    }
}

extension PlanStage: Encodable {
    enum CodingKeys: String, CodingKey { case number, members, finishesAfter, due, dueAt }

    /// Encodes the value, times rounded to 2 decimals.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(number, forKey: .number)
        try container.encode(members, forKey: .members)
        try container.encode(finishesAfter.oracleNumber, forKey: .finishesAfter)
        try container.encodeIfPresent(due, forKey: .due)
        try container.encodeIfPresent(dueAt, forKey: .dueAt)
    }
}

extension WorkingDayFigures: Encodable {
    enum CodingKeys: String, CodingKey { case unit, planUnit, critical, serialPromised, serialStatutory, hours }

    /// Encodes working days (rounded to 2 decimals, `unit` always `工作日`), the plan's own unit (`planUnit`:
    /// `工作日` or `小时`) and, for an hour plan, the same figures in office hours under `hours` (`unit` `小时`).
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("工作日", forKey: .unit)
        try container.encode(isHourPlan ? "小时" : "工作日", forKey: .planUnit)
        try container.encode(critical.oracleNumber, forKey: .critical)
        try container.encode(serialPromised.oracleNumber, forKey: .serialPromised)
        try container.encode(serialStatutory.oracleNumber, forKey: .serialStatutory)
        if isHourPlan {
            var hours = container.nestedContainer(keyedBy: CodingKeys.self, forKey: .hours)
            try hours.encode("小时", forKey: .unit)
            try hours.encode(self.hours(criticalExact).doubleValue.oracleNumber, forKey: .critical)
            try hours.encode(self.hours(serialPromisedExact).doubleValue.oracleNumber, forKey: .serialPromised)
            try hours.encode(self.hours(serialStatutoryExact).doubleValue.oracleNumber, forKey: .serialStatutory)
        }
    }
}

extension BeforeAfter: Encodable {
    enum CodingKeys: String, CodingKey { case before, after, rate }

    /// Encodes the pair (rounded to 2 decimals) and its rate (4 decimals).
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(before.oracleNumber, forKey: .before)
        try container.encode(after.oracleNumber, forKey: .after)
        try container.encode(rate, forKey: .rate)
    }
}

extension Reductions: Encodable {
    enum CodingKeys: String, CodingKey { case materials, copies, visits, steps, workingDays, formFields }

    /// Encodes every pair under its name.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(materials, forKey: .materials)
        try container.encode(copies, forKey: .copies)
        try container.encode(visits, forKey: .visits)
        try container.encode(steps, forKey: .steps)
        try container.encode(workingDays, forKey: .workingDays)
        try container.encode(formFields, forKey: .formFields)
    }
}

/// `due` in the compose JSON: the dates, and (`excludes`) the members' special procedures they do not count.
struct DueJSON: Encodable {
    var due: DueDates
    var excludes: [String]

    enum CodingKeys: String, CodingKey {
        case accepted, overall, stages, promised, acceptedAt, overallAt, promisedAt, excludes
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(due.accepted, forKey: .accepted)
        try container.encode(due.overall, forKey: .overall)
        try container.encode(due.stages, forKey: .stages)
        try container.encode(due.promised, forKey: .promised)
        try container.encodeIfPresent(due.acceptedAt, forKey: .acceptedAt)
        try container.encodeIfPresent(due.overallAt, forKey: .overallAt)
        try container.encodeIfPresent(due.promisedAt, forKey: .promisedAt)
        if !excludes.isEmpty { try container.encode(excludes, forKey: .excludes) }
    }
}

/// Trips (跑动次数) with how they are counted.
struct TripsFigure: Encodable {
    var before: Int
    var after: Int
    var definition: String
}

/// Steps (环节): the count before, the count and names after, and how they are counted.
struct StepsFigure: Encodable {
    var before: Int
    var names: [String]
    var definition: String

    enum CodingKeys: String, CodingKey { case before, after, names, definition }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(before, forKey: .before)
        try container.encode(names.count, forKey: .after)
        try container.encode(names, forKey: .names)
        try container.encode(definition, forKey: .definition)
    }
}

/// `"audience": {"chosen": "个体工商户", "served": ["法人", "个体工商户"]}`; `chosen` is null when the matter serves
/// several audiences and the answers did not choose one.
struct AudienceFigure: Encodable {
    var chosen: String?
    var served: [String]

    enum CodingKeys: String, CodingKey { case chosen, served }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if let chosen {
            try container.encode(chosen, forKey: .chosen)
        } else {
            try container.encodeNil(forKey: .chosen)
        }
        try container.encode(served, forKey: .served)
    }
}

extension Double {
    /// Whole numbers as integers in JSON (`3`, not `3.0`), others rounded to 2 decimals.
    var oracleNumber: Double { (self * 100).rounded() / 100 }
}
