import OnegoBase

/// One department's share of the findings and work lists, for reports sorted worst first.
public struct DepartmentSummary: Sendable, Hashable, Codable {
    /// The department's name.
    public var department: String
    /// Active error findings on its items.
    public var errors: Int
    /// Active warnings on its items.
    public var warnings: Int
    /// Active notes on its items.
    public var notes: Int
    /// Entries on the work lists of missed targets (an item counts once per target it misses).
    public var workItems: Int

    /// Creates a summary.
    public init(department: String, errors: Int, warnings: Int, notes: Int, workItems: Int) {
        self.department = department
        self.errors = errors
        self.warnings = warnings
        self.notes = notes
        self.workItems = workItems
    }
}

extension AuditReport {
    /// Every department of the catalog with its counts, worst first: most errors, then most warnings, then name.
    public var departmentSummaries: [DepartmentSummary] {
        var byName: [String: DepartmentSummary] = [:]
        func touch(_ name: String) {
            if byName[name] == nil {
                byName[name] = DepartmentSummary(department: name, errors: 0, warnings: 0, notes: 0, workItems: 0)
            }
        }
        for name in subject.departments { touch(name) }
        // Findings come in runs of one department (sorted by file): a run is counted apart and added to the
        // department once, so the names (Chinese, slow to hash) are looked up once per run, not per finding.
        var run: (name: String, errors: Int, warnings: Int, notes: Int)?
        func flush() {
            guard let counted = run else { return }
            touch(counted.name)
            byName[counted.name]?.errors += counted.errors
            byName[counted.name]?.warnings += counted.warnings
            byName[counted.name]?.notes += counted.notes
            run = nil
        }
        for finding in findings {
            guard let name = finding.department else { continue }
            if let current = run?.name, !current.utf8.elementsEqual(name.utf8) { flush() }
            if run == nil { run = (name, 0, 0, 0) }
            switch finding.severity {
            case .error: run?.errors += 1
            case .warning: run?.warnings += 1
            case .note: run?.notes += 1
            }
        }
        flush()
        for target in targets {
            // Work items come in runs of one department too (catalog order).
            var index = target.missing.startIndex
            while index < target.missing.endIndex {
                let name = target.missing[index].department
                var end = index + 1
                while end < target.missing.endIndex, target.missing[end].department.utf8.elementsEqual(name.utf8) {
                    end += 1
                }
                touch(name)
                byName[name]?.workItems += end - index
                index = end
            }
        }
        return byName.values.sorted(by: DepartmentSummary.isWorse)
    }

    /// Department names in worst-first order.
    public var departmentsWorstFirst: [String] { departmentSummaries.map(\.department) }
}

extension DepartmentSummary {
    /// Worst first: more errors, then more warnings, then name.
    public static func isWorse(_ a: DepartmentSummary, _ b: DepartmentSummary) -> Bool {
        if a.errors != b.errors { return a.errors > b.errors }
        if a.warnings != b.warnings { return a.warnings > b.warnings }
        return a.department < b.department
    }
}
