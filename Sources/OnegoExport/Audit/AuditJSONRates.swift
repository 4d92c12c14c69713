import OnegoAudit

extension AuditJSONReport.Rate {
    /// Whether every number is finite (the only kind JSON holds).
    var isFinite: Bool {
        (value?.isFinite ?? true)
            && [byDepartment, byLevel, byRegion, byType].allSatisfy { $0.allSatisfy { $0.value?.isFinite ?? true } }
    }
}

/// The rates of ``AuditJSONReport`` written as `JSONEncoder` writes `[String: AuditJSONReport.Rate]` (keys sorted,
/// members that are `nil` left out), without the encoder: its boxed values cost more than all the rest of the
/// rates' work.
extension PrettyJSONWriter {
    /// The rates by ID; every number must be finite (``AuditJSONReport/Rate/isFinite``).
    mutating func rates(_ rates: [String: AuditJSONReport.Rate]) {
        beginObject()
        for id in Self.sortedKeys(rates.keys) {
            guard let rate = rates[id] else { continue }
            key(id)
            self.rate(rate)
        }
        endObject()
    }

    private mutating func rate(_ rate: AuditJSONReport.Rate) {
        beginObject()
        key("byDepartment")
        groups(rate.byDepartment)
        key("byLevel")
        groups(rate.byLevel)
        if let byMode = rate.byMode {
            key("byMode")
            counts(byMode)
        }
        key("byRegion")
        groups(rate.byRegion)
        if let byScope = rate.byScope {
            key("byScope")
            counts(byScope)
        }
        key("byType")
        groups(rate.byType)
        key("denominator")
        int(rate.denominator)
        key("excluded")
        beginArray()
        for exclusion in rate.excluded {
            beginObject()
            key("item")
            string(exclusion.item)
            key("name")
            string(exclusion.name)
            key("reason")
            string(exclusion.reason)
            endObject()
        }
        endArray()
        key("formula")
        string(rate.formula)
        key("name")
        string(rate.name)
        key("numerator")
        int(rate.numerator)
        key("population")
        string(rate.population)
        if let value = rate.value {
            key("value")
            number(value)
        }
        endObject()
    }

    private mutating func groups(_ groups: [AuditJSONReport.Group]) {
        beginArray()
        for group in groups {
            beginObject()
            key("denominator")
            int(group.denominator)
            key("key")
            string(group.key)
            key("label")
            string(group.label)
            key("numerator")
            int(group.numerator)
            if let value = group.value {
                key("value")
                number(value)
            }
            endObject()
        }
        endArray()
    }

    private mutating func counts(_ counts: [String: Int]) {
        beginObject()
        for name in Self.sortedKeys(counts.keys) {
            key(name)
            int(counts[name] ?? 0)
        }
        endObject()
    }
}
