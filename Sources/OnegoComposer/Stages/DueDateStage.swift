import OnegoCatalog

/// Stage 7 of a composition: due dates from the acceptance date (and time).
///
/// - **Hour-counted plans** (every member counts hours or minutes) run in office hours on working days from the
///   acceptance moment: accepted 2026-09-29 09:30, 3 hours → 2026-09-29 14:00 (2.5 hours before the noon break,
///   0.5 after it); accepted after hours → from the next working morning. Without a time, from the day's opening.
/// - **Day plans** count working days from the day after acceptance; a fraction rounds up to a whole day. A
///   natural-day member is due its own limit in natural days after its inputs are ready (a legal deadline that
///   holidays do not move), and whatever follows it waits for that date.
/// - A stage is due when its own members are due, not forced later by an earlier stage.
enum DueDateStage {
    static func make(
        _ selection: SelectedMembers, plan: inout Plan, matter: Matter, accepted: CalendarDay,
        acceptedAt: CalendarMoment?, calendar: WorkingCalendar, hours: OfficeHours
    ) throws(CompositionError) -> DueDates {
        do {
            if plan.isHourPlan {
                let opening = CalendarMoment(day: accepted, minute: hours.periods.first?.start ?? 0)
                if let start = acceptedAt ?? opening {
                    return try hourly(
                        selection, plan: &plan, matter: matter, start: start, calendar: calendar, hours: hours)
                }
            }
            return try daily(
                selection, plan: &plan, matter: matter, accepted: accepted, acceptedAt: acceptedAt, calendar: calendar,
                hours: hours)
        } catch {
            throw .calendar(calendar.message(for: error))
        }
    }

    private static func hourly(
        _ selection: SelectedMembers, plan: inout Plan, matter: Matter, start: CalendarMoment,
        calendar: WorkingCalendar, hours: OfficeHours
    ) throws(CalendarError) -> DueDates {
        let perDay = Rational(hours.minutesPerDay)
        var memberDue: [CalendarMoment] = []
        for position in 0..<selection.count {
            memberDue.append(try hours.adding(plan.schedule.finish[position] * perDay, to: start, calendar: calendar))
        }
        for index in plan.stages.indices {
            let positions = (0..<selection.count).filter { plan.schedule.stage[$0] == plan.stages[index].number }
            let latest = positions.map { memberDue[$0] }.max() ?? start
            plan.stages[index].dueAt = latest
            plan.stages[index].due = latest.day
        }
        let overall = memberDue.max() ?? start
        let promised = try hours.adding(hours.workingDays(matter.promisedLimit) * perDay, to: start, calendar: calendar)
        return DueDates(
            accepted: start.day, overall: overall.day, stages: plan.stages.compactMap(\.due), promised: promised.day,
            acceptedAt: start, overallAt: overall, promisedAt: promised)
    }

    private static func daily(
        _ selection: SelectedMembers, plan: inout Plan, matter: Matter, accepted: CalendarDay,
        acceptedAt: CalendarMoment?, calendar: WorkingCalendar, hours: OfficeHours
    ) throws(CalendarError) -> DueDates {
        let items = selection.items
        var memberDue = [CalendarDay](repeating: accepted, count: items.count)
        var afterNaturalDays = [Bool](repeating: false, count: items.count)
        for position in plan.order {
            let before = plan.predecessors[position]
            let ready = before.map { memberDue[$0] }.max() ?? accepted
            let limit = items[position].composingLimit
            afterNaturalDays[position] = before.contains {
                items[$0].composingLimit.unit == .naturalDays || afterNaturalDays[$0]
            }
            if limit.unit == .naturalDays {
                memberDue[position] = try calendar.dueDate(accepted: ready, limit: limit)
            } else {
                let finish = plan.schedule.finish[position]
                let planned = try calendar.dueDate(
                    accepted: accepted, limit: TimeLimit(Double(finish.ceiling), .workingDays))
                memberDue[position] =
                    afterNaturalDays[position]
                    ? max(planned, try calendar.dueDate(accepted: ready, limit: limit, officeHours: hours)) : planned
            }
        }
        for index in plan.stages.indices {
            let positions = (0..<items.count).filter { plan.schedule.stage[$0] == plan.stages[index].number }
            plan.stages[index].due = positions.map { memberDue[$0] }.max() ?? accepted
        }
        return DueDates(
            accepted: accepted, overall: memberDue.max() ?? accepted, stages: plan.stages.compactMap(\.due),
            promised: try calendar.dueDate(accepted: accepted, limit: matter.promisedLimit, officeHours: hours),
            acceptedAt: acceptedAt)
    }
}
