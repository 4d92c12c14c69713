import OnegoCatalog
import OnegoComposer

/// The parts of the composition JSON (``CompositionJSON``), each object's keys in the encoder's sorted order.
extension PrettyJSONWriter {
    /// One member; an hour plan adds `finishesAfterHours`, `promisedHours` and (when published) `statutoryHours`.
    mutating func member(_ member: ComposedMember, time: WorkingDayFigures) {
        let inHours = time.isHourPlan
        beginObject()
        key("code")
        string(member.code)
        key("critical")
        bool(member.isCritical)
        key("department")
        string(member.department)
        key("finishesAfter")
        number(member.finishesAfter.jsonNumber)
        if inHours {
            key("finishesAfterHours")
            hours(member.finish, time: time)
        }
        key("id")
        string(member.id)
        key("name")
        string(member.name)
        key("online")
        bool(member.isOnline)
        if inHours {
            key("promisedHours")
            hours(member.promised, time: time)
        }
        key("promisedLimit")
        string(member.promisedLimit.description)
        key("promisedWorkingDays")
        number(member.promisedWorkingDays.jsonNumber)
        if !member.specialProcedures.isEmpty {
            key("specialProcedures")
            strings(member.specialProcedureTexts)
        }
        key("stage")
        int(member.stage)
        if inHours, let statutory = member.statutory {
            key("statutoryHours")
            hours(statutory, time: time)
        }
        if let statutory = member.statutoryWorkingDays {
            key("statutoryWorkingDays")
            number(statutory.jsonNumber)
        }
        key("visits")
        int(member.visits)
        endObject()
    }

    /// One material line with its note (why it need not be brought).
    mutating func material(_ line: MergedMaterial, note: String?) {
        beginObject()
        if line.aliases.count > 1 {
            key("aliases")
            strings(line.aliases)
        }
        key("copies")
        int(line.copies)
        key("disposition")
        string(line.disposition.rawValue)
        optional("eLicence", line.eLicence)
        optional("fetchedAs", line.fetchedAs)
        key("holder")
        string(line.holder ?? "")
        optional("holderHint", line.holderHint)
        if line.isJointForm {
            key("jointForm")
            bool(true)
        }
        key("name")
        string(line.name)
        key("necessity")
        string(line.necessity.rawValue)
        optional("note", note)
        key("originals")
        int(line.originals)
        optional("providedBy", line.providedBy)
        optional("replacedBy", line.replacedBy)
        key("usedBy")
        strings(line.usedBy)
        endObject()
    }

    /// One stage: its due date (and moment, for an hour plan with an acceptance time), when it finishes, members.
    mutating func stage(_ stage: PlanStage, time: WorkingDayFigures) {
        beginObject()
        optional("due", stage.due?.description)
        optional("dueAt", stage.dueAt.map(Self.iso))
        key("finishesAfter")
        number(stage.finishesAfter.jsonNumber)
        if time.isHourPlan {
            key("finishesAfterHours")
            hours(stage.finish, time: time)
        }
        key("members")
        strings(stage.members)
        key("number")
        int(stage.number)
        endObject()
    }

    /// `due`: the dates, and (`excludes`) the members' special procedures they do not count.
    mutating func dueDates(_ due: DueDates, excludes: [String]) {
        beginObject()
        key("accepted")
        string(due.accepted.description)
        optional("acceptedAt", due.acceptedAt.map(Self.iso))
        if !excludes.isEmpty {
            key("excludes")
            strings(excludes)
        }
        key("overall")
        string(due.overall.description)
        optional("overallAt", due.overallAt.map(Self.iso))
        key("promised")
        string(due.promised.description)
        optional("promisedAt", due.promisedAt.map(Self.iso))
        key("stages")
        strings(due.stages.map(\.description))
        endObject()
    }

    /// Every reduction; an hour plan adds `hours` (the serial promised sum and the critical path in office hours).
    mutating func reductions(_ reductions: Reductions, time: WorkingDayFigures) {
        beginObject()
        key("copies")
        pair(reductions.copies)
        key("formFields")
        pair(reductions.formFields)
        if time.isHourPlan {
            key("hours")
            pair(
                BeforeAfter(
                    before: time.hours(time.serialPromisedExact).doubleValue,
                    after: time.hours(time.criticalExact).doubleValue))
        }
        key("materials")
        pair(reductions.materials)
        key("steps")
        pair(reductions.steps)
        key("visits")
        pair(reductions.visits)
        key("workingDays")
        pair(reductions.workingDays)
        endObject()
    }

    /// Working days (`unit` always `工作日`), the plan's own unit, and for an hour plan the same figures in hours.
    mutating func workingDays(_ time: WorkingDayFigures) {
        beginObject()
        key("critical")
        number(time.critical.jsonNumber)
        if time.isHourPlan {
            key("hours")
            beginObject()
            key("critical")
            hours(time.criticalExact, time: time)
            key("serialPromised")
            hours(time.serialPromisedExact, time: time)
            key("serialStatutory")
            hours(time.serialStatutoryExact, time: time)
            key("unit")
            string("小时")
            endObject()
        }
        key("planUnit")
        string(time.isHourPlan ? "小时" : "工作日")
        key("serialPromised")
        number(time.serialPromised.jsonNumber)
        key("serialStatutory")
        number(time.serialStatutory.jsonNumber)
        key("unit")
        string("工作日")
        endObject()
    }

    /// A string member written only when there is a value.
    mutating func optional(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    /// A moment as its JSON form: `2026-09-29T14:00`.
    static func iso(_ moment: CalendarMoment) -> String { "\(moment.day)T\(moment.clock)" }
}
