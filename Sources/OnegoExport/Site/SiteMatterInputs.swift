import Foundation
import OnegoBase
import OnegoCatalog
public import OnegoComposer

extension HandbookSite.MatterEntry {
    /// The digest of what a matter's pages are made from besides its member items: the bytes of the matter's file
    /// and of the composer's tables (`tables`: the workspace's synonym and office-hours files, when it has them).
    /// `nil` when the matter's file cannot be read (its pages are then rendered every run).
    public static func sourceDigest(of matter: Matter, tables: [String]) -> UInt64? {
        guard let bytes = FileManager.default.contents(atPath: matter.location.file) else { return nil }
        var digest = bytes.withUnsafeBytes { ContentDigest.of(bytes: $0, seed: 0) }
        for table in tables {
            digest = ContentDigest.of(text: "\u{1}" + table, seed: digest)
            let contents = FileManager.default.contents(atPath: table) ?? Data()
            digest = contents.withUnsafeBytes { ContentDigest.of(bytes: $0, seed: digest) }
        }
        return digest
    }
}

extension SiteInputs {
    /// The digest of a matter's page and notices file: the site's salt, the matter templates' version, the matter's
    /// own inputs (``HandbookSite/MatterEntry/source``) and the content of each member item it names (an unknown
    /// code counts as absent); `nil` without a salt or a source digest.
    func matter(_ entry: HandbookSite.MatterEntry, catalog: Catalog) -> UInt64? {
        guard let salt, let source = entry.source else { return nil }
        let head = "matter templates \(HandbookSite.matterTemplateVersion)\n" + HandbookSite.matterPath(entry.matter)
        var members: [UInt64] = [source]
        for member in entry.matter.members {
            members.append(ContentDigest.of(text: member.code))
            members.append(catalog.item(code: member.code).map(HandbookSite.contentDigest) ?? 0)
        }
        return Self.combine(members, seed: ContentDigest.of(text: head, seed: salt))
    }
}

extension HandbookSite {
    /// Bumped whenever the matter page or notices templates change in a way onego's version would not show.
    static let matterTemplateVersion = 1

    /// Each matter's page and notices file: both kept when the manifest records them with the matter's current
    /// digest (``SiteInputs/matter(_:catalog:)``), so nothing is composed; else the matter is composed (if it was
    /// deferred) and both are rendered.
    func matterPages(reusing manifest: SiteManifest, inputs: SiteInputs) -> [Page] {
        matters.flatMap { entry -> [Page] in
            let pagePath = Self.matterPath(entry.matter)
            let noticesPath = Self.noticesPath(entry.matter)
            let digest = inputs.matter(entry, catalog: catalog)
            if let digest, manifest.keeps(pagePath, inputs: digest), manifest.keeps(noticesPath, inputs: digest) {
                return [
                    Page(path: pagePath, text: "", inputs: digest, isKept: true),
                    Page(path: noticesPath, text: "", inputs: digest, isKept: true),
                ]
            }
            let composed = entry.composed()
            return [
                Page(path: pagePath, text: matterPage(composed), inputs: digest),
                Page(path: noticesPath, text: noticesFile(composed), inputs: digest),
            ]
        }
    }
}
