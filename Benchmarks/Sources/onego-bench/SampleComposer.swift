import ArgumentParser
import OnegoBase
import OnegoCatalog
import OnegoComposer

/// The sample workspace's catalog and matters, loaded for the composition benchmarks, and a composer over them with
/// the shipped synonym table and working calendar (as a workspace without its own has).
struct SampleComposer {
    /// The matters found, in load order.
    let matters: [Matter]
    /// A composer over the loaded catalog.
    let composer: Composer

    /// Loads the catalog at `catalog` (validated) and the matters at `matters`; fails when either has errors.
    init(catalog: String, matters: String) throws {
        let load = try CatalogLoader.validating().load(paths: [catalog])
        guard !load.diagnostics.containsErrors else { throw ValidationError("the catalog \(catalog) has errors") }
        let (found, problems) = MatterLoader.load(paths: [matters])
        guard !found.isEmpty, !problems.containsErrors else {
            throw ValidationError("the matters in \(matters) have errors")
        }
        self.matters = found
        composer = Composer(
            catalog: load.catalog, synonyms: SynonymTable.loadBuiltIn().table,
            calendar: try? WorkingCalendar.loadDefault())
    }
}
