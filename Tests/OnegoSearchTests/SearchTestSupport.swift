import OnegoCatalog
import OnegoComposer
import OnegoSearch
import OnegoTestSupport

/// The sample district's catalog and matters, indexed once for all search tests.
enum SampleIndex {
    static let catalog: Catalog = CatalogLoader(schema: nil).load(paths: [Fixtures.sampleItems]).catalog
    static let matters: [Matter] = MatterLoader.load(paths: [Fixtures.sampleMatters]).matters
    static let index = SearchIndex(catalog: catalog, matters: matters)
}
