public import OnegoCatalog
public import OnegoComposer
public import OnegoSearch

/// The search box and `/api/search` over the search library's index (the same search as `onego find`).
public struct IndexSearch: WorkbenchSearching {
    let index: SearchIndex

    /// Indexes the catalog's items and the matters.
    public init(catalog: Catalog, matters: [Matter]) {
        index = SearchIndex(catalog: catalog, matters: matters)
    }

    /// The best hits for `query` restricted by `filter`, best first.
    public func hits(for query: String, filter: [String: String], limit: Int) -> [SearchHit] {
        let facets = SearchFacets(
            department: filter["department"], type: filter["type"], level: filter["level"],
            audience: filter["audience"])
        return index.search(query, facets: facets, limit: limit)
    }

    /// The facet values among all hits for `query`, with counts.
    public func facets(for query: String) -> [WorkbenchFacet] {
        let counts = index.facetCounts(for: query)
        func facet(_ name: String, _ label: String, _ values: [SearchFacetCount]) -> WorkbenchFacet {
            WorkbenchFacet(
                name: name, label: label, values: values.map { WorkbenchFacetValue(value: $0.value, count: $0.count) })
        }
        return [
            facet("department", "部门", counts.department), facet("type", "事项类型", counts.type),
            facet("level", "行使层级", counts.level), facet("audience", "服务对象", counts.audience),
        ]
    }
}
