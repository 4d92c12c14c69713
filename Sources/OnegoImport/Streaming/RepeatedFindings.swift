import OnegoBase

/// Keeps a warning or note that repeats on other rows once, with every row it holds for: a default the profile
/// fills on every row of a column, a type name read as the same code on 20,000 rows, the same header spelling in
/// every record. Without it a 100,000-row office list reported about 17 findings a row, 1.7 million lines that
/// nobody reads and that held most of the import's memory.
///
/// A finding repeats when its source, sheet, column, field, severity, rule and message are the same; its row then
/// joins the first one's ``ImportDiagnostic/rows``, and the finding is listed where it was first found (the first
/// item that gave it; its ``ImportDiagnostic/row`` is the lowest row, which for a joined table read out of item
/// order can belong to a later item). Errors (rejected rows) are kept one per row: each is a row to fix. Findings
/// without a row (about a whole source), and a second finding on a row the first holds already, are kept as they
/// are.
struct RepeatedFindings {
    private struct Key: Hashable {
        var source: String
        var sheet: String?
        var column: String?
        var field: String?
        var severity: Severity
        var rule: RuleID
        var message: String

        init(_ diagnostic: ImportDiagnostic) {
            source = diagnostic.source
            sheet = diagnostic.sheet
            column = diagnostic.column
            field = diagnostic.field
            severity = diagnostic.severity
            rule = diagnostic.rule
            message = diagnostic.message
        }
    }

    /// Where the first of each repeatable finding is: its list and its index in that list.
    private var first: [Key: (list: Int, index: Int)] = [:]

    /// Appends `diagnostics` to `lists[list]`, each repeat of an earlier finding added to that finding's rows
    /// instead.
    mutating func add(_ diagnostics: [ImportDiagnostic], to lists: inout [[ImportDiagnostic]], at list: Int) {
        for diagnostic in diagnostics {
            guard let row = diagnostic.row, diagnostic.severity != .error else {
                lists[list].append(diagnostic)
                continue
            }
            let key = Key(diagnostic)
            if let (at, index) = first[key] {
                // The same finding twice on one row stays twice.
                if !lists[at][index].addRow(row) { lists[list].append(diagnostic) }
            } else {
                first[key] = (list, lists[list].count)
                lists[list].append(diagnostic)
            }
        }
    }
}
