import OnegoBase
import OnegoCatalog

/// A catalog with the items that carry errors left out, and those items with their errors, so a command can work
/// on every valid item and still list the others.
struct UsableCatalog {
    /// An item left out, with the errors that belong to it.
    struct Skipped {
        var item: ServiceItem
        var errors: [Diagnostic]
    }

    /// The valid items.
    var catalog: Catalog
    /// The items left out, in catalog order.
    var skipped: [Skipped]
}
