public import OnegoAudit
public import OnegoCatalog
public import OnegoComposer
public import OnegoSearch

/// Everything the workbench shows, loaded by the caller through the same library calls as the command line, so the
/// pages show the same figures as `onego compose`, `onego guide` and `onego audit`.
public struct WorkbenchData: Sendable {
    /// The workspace path, as given on the command line (shown, and used in the equivalent commands).
    public var workspace: String
    /// The valid catalog.
    public var catalog: Catalog
    /// The matters (一件事) of the workspace.
    public var matters: [Matter]
    /// The composer, with the synonym table and the working-day calendar.
    public var composer: Composer
    /// The audit report, when a policy was given.
    public var audit: AuditReport?
    /// The issue date printed on guides and notices.
    public var issued: CalendarDay
    /// The search index, when available.
    public var search: (any WorkbenchSearching)?
    /// The folder new matters are saved in (`--edit`); `WORKSPACE/matters` when not set.
    public var mattersFolder: String?
    /// Items of the workspace left out of ``catalog`` because of their errors (a wrong USCC check character …),
    /// each with the first of its errors as `file:line:column: message`: listed on the start page, never dropped
    /// silently.
    public var withheld: [(name: String, code: String, problem: String)] = []

    /// Where a new matter is saved: ``mattersFolder``, else `matters` inside the workspace.
    var newMatterFolder: String { mattersFolder ?? workspace + "/matters" }

    /// Creates the data.
    public init(
        workspace: String, catalog: Catalog, matters: [Matter], composer: Composer, audit: AuditReport?,
        issued: CalendarDay, search: (any WorkbenchSearching)? = nil
    ) {
        self.workspace = workspace
        self.catalog = catalog
        self.matters = matters
        self.composer = composer
        self.audit = audit
        self.issued = issued
        self.search = search
    }

    /// The matter with this code (any case).
    public func matter(code: String) -> Matter? {
        matters.first { $0.code.lowercased() == code.lowercased() }
    }

    /// The matters that have `item` as a member.
    func matters(using item: ServiceItem) -> [Matter] {
        matters.filter { matter in
            matter.members.contains { $0.code == item.id || $0.code == item.codes.implementation }
        }
    }
}

/// The search behind the search box and `/api/search`: a thin protocol so the routes do not depend on how hits are
/// ranked (the implementation lives in the search library). Hits are the search library's ``SearchHit``, encoded
/// as `/api/search` and `onego find --format json` return them.
public protocol WorkbenchSearching: Sendable {
    /// The best hits for `query` restricted by `filter` (facet name → value), best first.
    func hits(for query: String, filter: [String: String], limit: Int) -> [SearchHit]
    /// For each facet (department, type, level, audience), the values among all hits for `query`, with counts.
    func facets(for query: String) -> [WorkbenchFacet]
}

/// The values of one facet with their counts.
public struct WorkbenchFacet: Sendable, Hashable {
    /// The query parameter name: `department`, `type`, `level` or `audience`.
    public var name: String
    /// The heading shown.
    public var label: String
    /// Values and counts, most frequent first.
    public var values: [WorkbenchFacetValue]

    /// Creates a facet.
    public init(name: String, label: String, values: [WorkbenchFacetValue]) {
        self.name = name
        self.label = label
        self.values = values
    }
}

/// One value of a facet and how many hits have it.
public struct WorkbenchFacetValue: Sendable, Hashable {
    /// The value (a department name, an item type…).
    public var value: String
    /// The number of hits with it.
    public var count: Int

    /// Creates a value.
    public init(value: String, count: Int) {
        self.value = value
        self.count = count
    }
}
