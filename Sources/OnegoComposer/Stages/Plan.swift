import OnegoCatalog

/// Stage 5 of a composition: run order, stages, exact finish times and the critical path.
struct Plan: Sendable {
    var order: [Int]
    /// `predecessors[p]`: positions that must finish before position `p` starts.
    var predecessors: [[Int]]
    var schedule: DependencyGraph.Schedule
    /// Each member's promised limit in working days, exactly.
    var durations: [Rational]
    /// Whether the plan counts hours: some member counts hours or minutes and every other one is 即办 (zero).
    var isHourPlan: Bool
    var stages: [PlanStage]

    static func make(
        _ selection: SelectedMembers, flow: DocumentFlow, matter: Matter, hours: OfficeHours
    ) throws(CompositionError) -> Plan {
        let order: [Int]
        switch flow.graph.topologicalOrder() {
        case .success(let found): order = found
        case .failure(let cycle):
            let ids = cycle.nodes.map { matter.members[selection.indexes[$0]].id }
            throw .cycle(ids, at: matter.members[selection.indexes[cycle.nodes.first ?? 0]].location)
        }
        let durations = selection.items.map { hours.workingDays($0.composingLimit) }
        let schedule = flow.graph.schedule(order: order, durations: durations)
        let stageCount = schedule.stage.max() ?? 0
        let stages: [PlanStage] =
            stageCount == 0
            ? []
            : (1...stageCount).map { number -> PlanStage in
                let positions = (0..<selection.count).filter { schedule.stage[$0] == number }
                return PlanStage(
                    number: number, members: positions.map { selection.items[$0].id },
                    finish: positions.map { schedule.finish[$0] }.max() ?? .zero, due: nil)
            }
        // An hour plan: some member counts hours or minutes and every other one is 即办 (0, in any unit).
        let countsClock = { (item: ServiceItem) in
            item.composingLimit.unit == .hours || item.composingLimit.unit == .minutes
        }
        let isHourPlan =
            selection.items.contains(where: countsClock)
            && selection.items.allSatisfy { countsClock($0) || $0.composingLimit.value == 0 }
        return Plan(
            order: order, predecessors: flow.graph.predecessors, schedule: schedule, durations: durations,
            isHourPlan: isHourPlan, stages: stages)
    }
}
