import Foundation
import OnegoBase
public import OnegoCatalog
public import OnegoComposer
import OnegoSearch

/// The offline handbook for window staff and applicants: an index with search (pinyin, initials, related words,
/// keywords) and browsing by life event (一件事), audience and department; one page per item (guide, notice and
/// checklist) and one per matter, which asks the visitor's situation and shows their own notice. Plain files with
/// relative links, one shared stylesheet and script: it opens from disk, no server, nothing loaded from outside.
public struct HandbookSite: Sendable {
    /// A matter, and its notice for every situation the site can show.
    public struct MatterEntry: Sendable {
        /// One situation outcome: the signatures (``Composer/situationSignature(for:answers:asOf:)``) that lead to
        /// it, and its composition.
        public struct Situation: Sendable {
            /// The signatures.
            public var signatures: [String]
            /// The composition (its answers are not printed; the page shows the visitor's own).
            public var composition: Composition

            /// Creates a situation.
            public init(signatures: [String], composition: Composition) {
                self.signatures = signatures
                self.composition = composition
            }
        }

        /// The matter.
        public var matter: Matter
        /// The questions as data for the page's script; nil for a page without questions.
        public var sheet: SituationSheet?
        /// The notices the page can show.
        public var situations: [Situation]
        /// Why some or all situations could not be composed (printed on the page).
        public var problem: String?
        /// The digest of the matter's inputs other than its member items (``sourceDigest(of:tables:)``): with it,
        /// a rebuild keeps the matter's pages while this and its members' content are unchanged; `nil` renders
        /// them every run.
        public var source: UInt64?
        /// Composes the situations when the pages must be rendered (an entry made by ``deferred(_:composer:source:limit:)``).
        var composeLater: (@Sendable () -> MatterEntry)?

        /// Creates an entry.
        public init(matter: Matter, sheet: SituationSheet?, situations: [Situation], problem: String? = nil) {
            self.matter = matter
            self.sheet = sheet
            self.situations = situations
            self.problem = problem
        }

        /// Composes every answer set of the matter (at most `limit`) and groups them by outcome.
        public static func make(_ matter: Matter, composer: Composer, limit: Int = 4096) -> MatterEntry {
            var situations: [Situation] = []
            var bySignature: [String: Int] = [:]
            var problem: String?
            var answerSets = composer.enumerateAnswerSets(for: matter, limit: limit)
            if answerSets.isEmpty { answerSets = [AnswerSet()] }
            for answers in answerSets {
                do {
                    let signature = try composer.situationSignature(for: matter, answers: answers)
                    if bySignature[signature] != nil { continue }
                    var composition = try composer.compose(matter: matter, answers: answers)
                    composition.answers = AnswerSet()
                    bySignature[signature] = situations.count
                    situations.append(Situation(signatures: [signature], composition: composition))
                } catch {
                    problem = problem ?? error.description
                }
            }
            return MatterEntry(
                matter: matter, sheet: composer.situationSheet(for: matter), situations: situations, problem: problem)
        }

        /// An entry whose situations are composed only if the site renders its pages (``composed()``): a rebuild
        /// that keeps them composes nothing. `source` is the digest of the matter's own inputs.
        public static func deferred(_ matter: Matter, composer: Composer, source: UInt64?, limit: Int = 4096)
            -> MatterEntry
        {
            var entry = MatterEntry(matter: matter, sheet: nil, situations: [])
            entry.source = source
            entry.composeLater = {
                var made = make(matter, composer: composer, limit: limit)
                made.source = source
                return made
            }
            return entry
        }

        /// The entry with its situations composed: itself unless it was made by ``deferred(_:composer:source:limit:)``.
        public func composed() -> MatterEntry { composeLater?() ?? self }
    }

    /// One file of the site.
    public struct Page: Sendable, Hashable {
        /// The path relative to the site folder, e.g. `items/CODE.html`.
        public var path: String
        /// The file's text (empty for a kept page).
        public var text: String
        /// The digest of the page's inputs, for the pages the manifest tracks (those rendered from one item).
        public var inputs: UInt64?
        /// Whether the page was not rendered because the existing site's file is current (``SiteManifest``).
        public var isKept = false
    }

    /// The handbook's title, e.g. the catalog's title.
    public var title: String
    /// The catalog.
    public var catalog: Catalog
    /// The matters.
    public var matters: [MatterEntry]
    /// Issue date (printed as 更新日期 on every page) and calendar (no acceptance date on a handbook).
    public var options: GuideOptions
    /// Items left out of the handbook because they carry errors; the index lists them, marked.
    public var withheld: [WithheldItem]
    /// What identifies the program rendering the pages (its version and build); part of every page's input
    /// digest, so a new onego renders every page again.
    public var build = ""

    /// An item the catalog holds but the handbook leaves out, with the errors that keep it out.
    public struct WithheldItem: Sendable, Hashable {
        /// The item's name.
        public var name: String
        /// Its handling-item or implementation code.
        public var code: String
        /// Its department.
        public var department: String
        /// The error messages, in Chinese.
        public var problems: [String]

        /// Creates an entry.
        public init(name: String, code: String, department: String, problems: [String]) {
            self.name = name
            self.code = code
            self.department = department
            self.problems = problems
        }
    }

    /// Creates a site.
    public init(
        title: String, catalog: Catalog, matters: [MatterEntry], options: GuideOptions, withheld: [WithheldItem] = []
    ) {
        self.title = title
        self.catalog = catalog
        self.matters = matters
        self.options = options
        self.withheld = withheld
    }

    /// The file name of a marker written into every site folder, so a later run knows it may replace the folder.
    public static let marker = ".onego-site"

    /// Every file of the site, index first. Pages are rendered (item pages on all cores) except those `manifest`
    /// (the existing site's) says are current because the digest of their inputs (``SiteInputs``) is unchanged:
    /// they come back kept, without text. `progress` (if any) is called with the item pages done so far and their
    /// total, from any thread.
    public func pages(reusing manifest: SiteManifest = SiteManifest(), progress: (@Sendable (Int, Int) -> Void)? = nil)
        -> [Page]
    {
        let items = uniqueItems
        let inputs = SiteInputs(site: self, items: items)
        let browse = SiteBrowse(site: self, items: items)
        var pages = [
            manifest.page("index.html", inputs: inputs.index(of: self)) { browse.indexPage() },
            Page(path: Self.marker, text: "onego handbook site\n"),
        ]
        for (path, text) in [
            (SiteAssets.stylesheetPath, SiteStylesheet.text), (SiteAssets.scriptPath, SiteScript.text),
        ] {
            pages.append(manifest.page(path, inputs: inputs.page(path, items: [])) { text })
        }
        pages += browse.listPages(reusing: manifest, inputs: inputs)
        pages += searchFiles(items, reusing: manifest, inputs: inputs)
        pages += renderItemPages(items, reusing: manifest, inputs: inputs, progress: progress)
        pages += matterPages(reusing: manifest, inputs: inputs)
        return pages
    }

    /// The item pages, in catalog order, rendered in parallel chunks.
    func renderItemPages(
        _ items: [ServiceItem], reusing manifest: SiteManifest, inputs: SiteInputs,
        progress: (@Sendable (Int, Int) -> Void)?
    ) -> [Page] {
        let chunk = 64
        let chunks = (items.count + chunk - 1) / chunk
        let slots = PageSlots(count: chunks)
        let salt = inputs.salt
        ParallelWork.perform(iterations: chunks) { number in
            let range = (number * chunk)..<min(items.count, (number + 1) * chunk)
            let rendered = range.flatMap { index -> [Page] in
                let item = items[index]
                let digest = salt.map { ContentDigest.of(text: SiteManifest.hex(inputs.items[index]), seed: $0) }
                return [
                    manifest.page(Self.itemPath(item), inputs: digest) { itemPage(item) },
                    manifest.page(Self.noticePath(item), inputs: digest) { noticePage(item) },
                ]
            }
            let done = slots.store(rendered, at: number)
            progress?(done / 2, items.count)
        }
        return slots.pages
    }

    /// The digest of what an item's pages print: the item without its source locations (which file and line it
    /// came from are not on the pages, and lines move whenever an item above is edited).
    static func contentDigest(_ item: ServiceItem) -> UInt64 {
        var item = item
        let nowhere = SourceLocation(file: "", line: 0, column: 0)
        item.location = nowhere
        if item.materials.contains(where: { $0.location != nowhere }) {
            item.materials = item.materials.map { material in
                var material = material
                material.location = nowhere
                return material
            }
        }
        return ContentDigest.of(item)
    }

    /// Bumped whenever the item page templates change in a way onego's version would not show (development).
    static let templateVersion = 1

    /// The part of every item page's input digest that is not the item: the program's build, the templates and the
    /// issue date the pages print. `nil` when the pages print due dates (accepted date and calendar set): those
    /// depend on the whole calendar, which has no digest, so such pages have no input digest and are never kept.
    var pageSalt: UInt64? {
        guard !options.printsDueDates else { return nil }
        let parts = [build, "templates \(Self.templateVersion)", options.issued.description]
        return ContentDigest.of(text: parts.joined(separator: "\n"))
    }

    /// The search words file and record shards (matters' records first, then the items'). A shard is kept when the
    /// digests of its records are unchanged: an item's by its content, a matter's by its record's text.
    func searchFiles(_ items: [ServiceItem], reusing manifest: SiteManifest, inputs: SiteInputs) -> [Page] {
        let matterRecords = matters.map { entry in
            let record = SearchExport.record(entry.matter, catalog: catalog)
            return SiteAssets.Record(
                k: record.kind, c: record.code, n: record.name, d: record.department, u: Self.matterPath(entry.matter),
                o: record.codes.isEmpty ? nil : record.codes, t: record.texts)
        }
        func itemRecord(_ item: ServiceItem) -> SiteAssets.Record {
            let record = SearchExport.record(item)
            return SiteAssets.Record(
                k: record.kind, c: record.code, n: record.name, d: record.department, u: Self.itemPath(item),
                o: record.codes.isEmpty ? nil : record.codes, t: record.texts)
        }
        let words = inputs.page(SiteAssets.wordsPath, items: [])
        var pages = [manifest.page(SiteAssets.wordsPath, inputs: words) { SiteAssets.wordsFile() }]
        let matterTexts = inputs.salt == nil ? [] : matterRecords.map { SiteAssets.json($0) }
        let total = matterRecords.count + items.count
        for (number, start) in stride(from: 0, to: total, by: SiteAssets.shardSize).enumerated() {
            let range = start..<min(total, start + SiteAssets.shardSize)
            let path = SiteAssets.shardPath(number)
            let matterPart = range.clamped(to: 0..<matterRecords.count)
            let itemPart = range.clamped(to: matterRecords.count..<total)
            let digest = inputs.page(
                path, parts: matterPart.map { matterTexts[$0] }, items: itemPart.map { $0 - matterRecords.count })
            pages.append(
                manifest.page(path, inputs: digest) {
                    let records =
                        matterPart.map { matterRecords[$0] }
                        + itemPart.map { itemRecord(items[$0 - matterRecords.count]) }
                    return SiteAssets.shardText(records)
                })
        }
        return pages
    }

    /// Items with distinct codes, in catalog order (the catalog's first item with a code wins, as in lookups).
    var uniqueItems: [ServiceItem] {
        var seen = Set<String>()
        return catalog.items.filter { seen.insert($0.id).inserted }
    }

    /// `items/CODE.html`.
    static func itemPath(_ item: ServiceItem) -> String { "items/" + fileName(item.id) + ".html" }

    /// `matters/CODE.html`.
    static func matterPath(_ matter: Matter) -> String { "matters/" + fileName(matter.code) + ".html" }

    /// A code reduced to characters safe in a file name and a URL.
    static func fileName(_ code: String) -> String {
        String(
            code.unicodeScalars.map { scalar -> Character in
                switch scalar {
                case "0"..."9", "A"..."Z", "a"..."z", "-", "_", ".": Character(scalar)
                default: "_"
                }
            })
    }

    // MARK: - Item pages

    func itemPage(_ item: ServiceItem) -> String {
        var body: HTML = "<nav class=\"site\"><a href=\"../index.html\">← 返回手册目录</a>　"
        body += "<a href=\"../\(SiteBrowse.departmentPath(item.department))\">\(item.department)</a>　"
        body += "<a href=\"\(Self.fileName(item.id)).notice.html\">一次性告知单和收件清单（可打印）</a></nav>\n"
        body += SiteLinks.linkify(HTMLGuideRenderer.articleHTML(ItemGuide.make(item, options: options)))
        return SitePage(title: "\(item.name)：办事指南", body: body, depth: 1, updated: options.issued).html
    }

    /// `items/CODE.notice.html`: the item's printable notice and intake checklist, kept off the guide page so that
    /// stays small.
    static func noticePath(_ item: ServiceItem) -> String { "items/" + fileName(item.id) + ".notice.html" }

    func noticePage(_ item: ServiceItem) -> String {
        var body: HTML = "<nav class=\"site\"><a href=\"../index.html\">← 返回手册目录</a>　"
        body += "<a href=\"\(Self.fileName(item.id)).html\">\(item.name)：办事指南</a></nav>\n"
        body += SiteLinks.linkify(HTMLGuideRenderer.articleHTML(ItemIntake.makeNotice(item, options: options)))
        body += HTMLGuideRenderer.articleHTML(ItemIntake.makeChecklist(item, options: options))
        return SitePage(title: "\(item.name)：一次性告知单", body: body, depth: 1, updated: options.issued).html
    }
}

/// Chunks of rendered pages filled from several threads.
private final class PageSlots: Sendable {
    private let state: Locked<(slots: [[HandbookSite.Page]], done: Int)>

    init(count: Int) { state = Locked((Array(repeating: [], count: count), 0)) }

    /// Stores a chunk; returns the number of pages stored so far.
    func store(_ pages: [HandbookSite.Page], at index: Int) -> Int {
        state.withLock { state in
            state.slots[index] = pages
            state.done += pages.count
            return state.done
        }
    }

    var pages: [HandbookSite.Page] { state.withLock { $0.slots.flatMap { $0 } } }
}
