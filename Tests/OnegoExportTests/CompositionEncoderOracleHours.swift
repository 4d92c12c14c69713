import OnegoCatalog
import OnegoComposer
import OnegoExport

/// The hour figures an hour-counted plan adds to `compose --format json`, beside the same figures in working days.
///
/// Every time figure keeps its unit in its name: `promisedWorkingDays`, `finishesAfter` (working days),
/// `workingDays.critical` (working days, `workingDays.unit` is always `工作日`); an hour plan
/// (``WorkingDayFigures/isHourPlan``) adds `promisedHours`, `statutoryHours`, `finishesAfterHours`,
/// `workingDays.hours` (`unit` `小时`) and `reductions.hours`, converted through the office day
/// (``WorkingDayFigures/minutesPerDay``). A day plan prints no hour fields.
struct HourFigures<Value: Encodable>: Encodable {
    /// The figure as it encodes without hours.
    var value: Value
    /// Keys to add, each with its value in working days (`nil`: leave the key out).
    var days: [(key: String, days: Rational?)]
    /// The plan's time figures (whether it counts hours, and the office day).
    var time: WorkingDayFigures

    func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
        guard time.isHourPlan else { return }
        var container = encoder.container(keyedBy: NamedKey.self)
        for (key, days) in self.days {
            guard let days else { continue }
            try container.encode(time.hours(days).doubleValue.oracleNumber, forKey: NamedKey(key))
        }
    }
}

/// `reductions` with, for an hour plan, `hours`: the serial promised sum and the critical path in office hours.
struct ReductionsWithHours: Encodable {
    var reductions: Reductions
    var time: WorkingDayFigures

    func encode(to encoder: any Encoder) throws {
        try reductions.encode(to: encoder)
        guard time.isHourPlan else { return }
        var container = encoder.container(keyedBy: NamedKey.self)
        let hours = BeforeAfter(
            before: time.hours(time.serialPromisedExact).doubleValue, after: time.hours(time.criticalExact).doubleValue)
        try container.encode(hours, forKey: NamedKey("hours"))
    }
}

/// A coding key spelled at run time.
struct NamedKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension Composition {
    /// Members with their hour fields (an hour plan only).
    var membersJSON: [HourFigures<ComposedMember>] {
        members.map {
            HourFigures(
                value: $0,
                days: [
                    ("promisedHours", $0.promised), ("statutoryHours", $0.statutory), ("finishesAfterHours", $0.finish),
                ],
                time: workingDays)
        }
    }

    /// Stages with their hour fields (an hour plan only).
    var stagesJSON: [HourFigures<PlanStage>] {
        stages.map { HourFigures(value: $0, days: [("finishesAfterHours", $0.finish)], time: workingDays) }
    }
}
