import OnegoAudit
import OnegoBase
import OnegoCatalog

/// The document of ``AuditJSONReport``, member by member in key order.
extension PrettyJSONWriter {
    mutating func auditReport(_ report: AuditReport) throws {
        beginObject()
        key("compression")
        try compression(report.compression, matters: report.matters, slots: report.compressionRowSlots)
        key("departments")
        try embed(report.departmentSummaries)
        key("findings")
        findings(report)
        key("rates")
        try embed(AuditJSONReport.rates(of: report))
        key("regionalVariation")
        try embed(report.regionalVariation)
        key("schemaVersion")
        int(1)  // the version of this document's shape (see README, "JSON outputs")
        key("targets")
        targets(report.targets)
        endObject()
    }

    /// The targets; `value` is null when nothing could be counted, `assessable` false when the denominator is 0.
    mutating func targets(_ results: [TargetResult]) {
        beginArray()
        for result in results {
            beginObject()
            key("assessable")
            bool(result.isAssessable)
            key("denominator")
            number(round4(result.denominator))
            key("id")
            string(result.target.id)
            key("met")
            bool(result.met)
            key("missing")
            workItems(result.missing)
            key("name")
            string(result.target.name)
            key("numerator")
            number(round4(result.numerator))
            key("target")
            number(round4(result.target.threshold))
            key("value")
            if let value = result.value { number(round4(value)) } else { null() }
            endObject()
        }
        endArray()
    }

    mutating func workItems(_ items: [WorkItem]) {
        beginArray()
        for item in items {
            beginObject()
            key("code")
            string(item.code)
            key("department")
            string(item.department)
            key("name")
            string(item.name)
            key("reason")
            string(item.reason)
            endObject()
        }
        endArray()
    }

    mutating func compression(
        _ figures: CompressionFigures, matters: [MatterFigures], slots: [CompressionRowSlot] = []
    ) throws {
        // The rows are written once each (at the depth of the lists' elements) and put in the four lists.
        let rows = CompressionRowsJSON(rows: figures.items, slots: slots, depth: depth + 2)
        noteNonConforming(rows.nonConforming)
        beginObject()
        key("byDepartment")
        try embed(
            figures.byDepartment.map {
                AuditJSONReport.Department(department: $0.department, compression: AuditJSONReport.Pair($0.aggregate))
            })
        key("excluded")
        compressionRows(rows, of: figures.items, where: \.isExcluded)
        key("immediate")
        int(figures.immediateCount)
        key("items")
        compressionRows(rows, of: figures.items, where: { _ in true })
        key("licensing")
        try embed(AuditJSONReport.Pair(figures.licensing))
        key("matters")
        try embed(matters)
        key("overall")
        try embed(AuditJSONReport.Pair(figures.overall))
        key("promiseNotPublished")  // promised limit 未公布: no data for the figures, listed (never counted as 0)
        compressionRows(rows, of: figures.items, where: \.isNotPublished)
        key("unreformed")
        compressionRows(rows, of: figures.items, where: \.isUnreformed)
        endObject()
    }

    /// The rows of `items` that `include` takes, from their bytes in `rendered`.
    mutating func compressionRows(
        _ rendered: CompressionRowsJSON, of items: [ItemCompression], where include: (ItemCompression) -> Bool
    ) {
        beginArray()
        for index in items.indices where include(items[index]) { value(rendered[index]) }
        endArray()
    }

    /// One compression row; `excluded`, `rate` and `statutory` only when present.
    mutating func compressionRow(_ row: ItemCompression) {
        beginObject()
        key("department")
        string(row.department)
        if let exclusion = row.exclusion {
            key("excluded")
            string(exclusion)
        }
        key("item")
        string(row.item)
        key("name")
        string(row.name)
        key("promised")
        string(row.promised?.description ?? PublishedState.notPublished.rawValue)
        if let rate = row.rate {
            key("rate")
            number(round4(rate))
        }
        if let statutory = row.statutory {
            key("statutory")
            string(statutory.description)
        }
        endObject()
    }

    /// The findings; `item`, `itemName` and `department` are null for findings about files rather than items.
    mutating func findings(_ report: AuditReport) {
        var titles: [RuleID: String] = [:]
        beginArray()
        for finding in report.findings {
            let title: String
            if let known = titles[finding.rule] {
                title = known
            } else {
                title = AuditFormatting.ruleTitle(finding.rule.rawValue, in: report)
                titles[finding.rule] = title
            }
            beginObject()
            key("column")
            int(finding.location?.column ?? 0)
            key("department")
            optional(finding.department)
            key("file")
            string(finding.location?.file ?? "")
            key("item")
            optional(finding.item)
            key("itemName")
            optional(finding.itemName)
            key("line")
            int(finding.location?.line ?? 0)
            key("message")
            string(finding.message)
            key("rule")
            string(finding.rule.rawValue)
            key("ruleTitle")
            string(title)
            key("severity")
            string(finding.severity.rawValue)
            endObject()
        }
        endArray()
    }

    mutating func optional(_ text: String?) {
        if let text { string(text) } else { null() }
    }
}
