public import OnegoBase
public import OnegoCatalog
public import OnegoComposer

/// The bridge to the composer: its bundle checks become findings, and each matter's before/after figures
/// join the report.
public enum MatterAudit {
    /// The composer's bundle checks (reference checks from loading plus the catalog checks).
    public static func diagnostics(
        matters: [Matter], loadDiagnostics: [Diagnostic], catalog: Catalog, officeHours: OfficeHours = .standard
    ) -> [Diagnostic] {
        loadDiagnostics.filter { $0.rule != .matterSkipped }
            + MatterChecks.run(matters: matters, catalog: catalog, officeHours: officeHours)
    }

    /// Before/after figures of each matter, for its fullest situation (the answer set selecting the most members).
    /// Matters that cannot be composed are left out (their problems are findings).
    public static func figures(
        matters: [Matter], catalog: Catalog, officeHours: OfficeHours = .standard
    ) -> [MatterFigures] {
        let composer = Composer(catalog: catalog, officeHours: officeHours)
        return matters.compactMap { matter in
            var best: Composition?
            for answers in composer.enumerateAnswerSets(for: matter, limit: 256) {
                guard let composition = try? composer.compose(matter: matter, answers: answers) else { continue }
                if composition.members.count > (best?.members.count ?? -1) { best = composition }
            }
            guard let composition = best else { return nil }
            let r = composition.reductions
            return MatterFigures(
                code: matter.code, name: matter.name,
                rows: [
                    .init(label: "申请材料", unit: "份", before: r.materials.before, after: r.materials.after),
                    .init(label: "复印件", unit: "份", before: r.copies.before, after: r.copies.after),
                    .init(label: "表单字段", unit: "个", before: r.formFields.before, after: r.formFields.after),
                    .init(label: "跑动次数", unit: "次", before: r.visits.before, after: r.visits.after),
                    .init(label: "办理环节", unit: "个", before: r.steps.before, after: r.steps.after),
                    time(composition),
                ],
                situation: composition.answers.description, members: composition.members.count)
        }
    }

    /// The time row: in hours for an hour-counted bundle, else in working days (the composer's exact values).
    private static func time(_ composition: Composition) -> MatterFigures.Row {
        let time = composition.workingDays
        if time.isHourPlan {
            return .init(
                label: "办理时间", unit: "小时", before: time.hours(time.serialPromisedExact).doubleValue,
                after: time.hours(time.criticalExact).doubleValue)
        }
        return .init(label: "办理时间", unit: "工作日", before: time.serialPromised, after: time.critical)
    }
}
