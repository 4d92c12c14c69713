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
        // Counted per name's bytes first (hashing Chinese names as `String` normalises them, once per finding and
        // work item), then added to the departments by name in order of first appearance, so names equal as
        // strings still count as one under the name seen first.
        struct Tally {
            var name: String
            var errors = 0
            var warnings = 0
            var notes = 0
            var workItems = 0
        }
        var slots: [UTF8Key: Int] = [:]
        var tallies: [Tally] = []
        func slot(_ name: String) -> Int {
            let key = UTF8Key(name)
            if let known = slots[key] { return known }
            slots[key] = tallies.count
            tallies.append(Tally(name: name))
            return tallies.count - 1
        }
        for finding in findings {
            guard let name = finding.department else { continue }
            switch finding.severity {
            case .error: tallies[slot(name)].errors += 1
            case .warning: tallies[slot(name)].warnings += 1
            case .note: tallies[slot(name)].notes += 1
            }
        }
        for target in targets {
            for item in target.missing { tallies[slot(item.department)].workItems += 1 }
        }
        for tally in tallies {
            touch(tally.name)
            byName[tally.name]?.errors += tally.errors
            byName[tally.name]?.warnings += tally.warnings
            byName[tally.name]?.notes += tally.notes
            byName[tally.name]?.workItems += tally.workItems
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
