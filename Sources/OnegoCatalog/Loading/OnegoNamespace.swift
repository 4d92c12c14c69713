/// The XML namespaces of onego's document kinds. Each kind has a schema under `Schemas/`.
public enum OnegoNamespace {
    /// Service-item catalogs (`Schemas/catalog.xsd`).
    public static let catalog = "urn:onego:catalog:1"
    /// "One matter" bundle definitions (`Schemas/matter.xsd`).
    public static let matter = "urn:onego:matter:1"
    /// Working-day calendars (`Schemas/calendar.xsd`).
    public static let calendar = "urn:onego:calendar:1"
    /// Audit policies (`Schemas/policy.xsd`).
    public static let policy = "urn:onego:policy:1"
    /// Audit waivers (`Schemas/waivers.xsd`).
    public static let waivers = "urn:onego:waivers:1"
    /// Reference data: the material synonym table (`Schemas/synonyms.xsd`).
    public static let synonyms = "urn:onego:synonyms:1"

    /// Whether `uri` names one of onego's document kinds.
    public static func isOnego(_ uri: String) -> Bool { uri.hasPrefix("urn:onego:") }
}
