import ArgumentParser
import Foundation
import OnegoBase
import OnegoCatalog
import OnegoComposer
import OnegoExport

/// `onego site PATH --out DIR`: write the offline handbook for a whole catalog.
struct SiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "生成离线办事指南手册网站 (write a static, offline handbook site for a catalog).",
        discussion: """
            Writes index.html (search by name, pinyin, initials, related words and keywords; browse by matter, \
            audience and department), one guide page and one printable notice page per item, and one page per \
            matter that asks the visitor's situation and shows their notice (its notices in CODE.notices.js beside \
            it); one shared site.css and site.js. The folder is built beside DIR and swapped in whole; files equal \
            to the old site's are kept (linked), and pages whose inputs are unchanged since the last run (item \
            pages by their item; lists, search shards and the index by the items they show; matter pages by the \
            matter file, the synonym and office-hours files and their member items; DIR/.onego-manifest) are not \
            even rendered (nor matters composed); an edited or deleted page is written again. An existing DIR is replaced only if it is empty or an earlier \
            onego site. A second run writing the same DIR waits for the first (up to 60 seconds, then fails). \
            Open DIR/index.html from disk; no server is needed. Progress is shown on a terminal.
            Exit status: 0 written, 1 error, 64 usage error.
            """
    )

    @Argument(help: "Catalog files or folders.")
    var paths: [String] = []

    @Option(name: [.customShort("o"), .long], help: "The folder to write.")
    var out: String?

    @Option(
        help:
            "Matter files or folders (default: the catalog folders and the matters/ folder beside items/)."
    )
    var matters: [String] = []

    @Option(help: "The handbook's title (default: from the catalog files' titles).")
    var title: String?

    @Option(help: "Issue date YYYY-MM-DD printed on the pages (default: today).")
    var date: DayArgument?

    @OptionGroup var options: CatalogOptions

    func validate() throws {
        if paths.isEmpty { throw ValidationError("请给出事项目录文件或文件夹 (missing PATH)") }
        if out == nil { throw ValidationError("请用 --out 指定输出文件夹 (missing --out DIR)") }
        _ = try date?.checked("印发日期")
    }

    func run() throws {
        guard let out else { return }
        InputLedger.shared.record(paths + matters)
        let writer = AtomicDirectory(protecting: InputLedger.shared, marker: HandbookSite.marker)
        // The folder's lock is held from before anything is read until the new site is in place.
        let lock: OutputLock
        do {
            try writer.check(out)
            lock = try OutputLock.acquire(out, timeout: Self.lockTimeout) {
                Terminal.err("提示: 另一个 onego 进程正在写入 \(out)，等待其完成（最多 \(Int(Self.lockTimeout)) 秒）…")
            }
        } catch {
            throw CommandFailure(error)
        }
        defer { lock.release() }
        let usable = try options.loadUsable(paths, showsProgress: true)
        let loadedCatalog = usable.catalog
        let issued = date?.day ?? CalendarDay.today()
        let workspace = Workspace(catalogPaths: paths, matterPaths: matters)
        let source = try Workspace.reported { () throws(WorkspaceError) in
            try MatterGuideSource(catalog: loadedCatalog, workspace: workspace, calendar: nil)
        }
        // Matters are composed only when their pages are rendered: an unchanged matter with unchanged members
        // is kept by the manifest without composing.
        let tables = [workspace.synonymsFile, workspace.officeHoursFile].compactMap { $0 }
        let entries = source.matters.map { matter in
            HandbookSite.MatterEntry.deferred(
                matter, composer: source.composer,
                source: HandbookSite.MatterEntry.sourceDigest(of: matter, tables: tables))
        }
        let site = HandbookSite(
            title: title ?? Self.defaultTitle(loadedCatalog), catalog: loadedCatalog, matters: entries,
            options: GuideOptions(issued: issued),
            withheld: usable.skipped.map {
                HandbookSite.WithheldItem(
                    name: $0.item.name, code: $0.item.id, department: $0.item.department,
                    problems: $0.errors.map(\.message))
            })
        var building = site
        building.build = Self.buildIdentity
        let manifest = Self.manifest(of: out)
        let progress = StepProgress.make("生成页面")
        let pages = building.pages(reusing: manifest) { done, total in progress?.update(done, of: total) }
        progress?.finish()
        let writing = StepProgress.make("写入文件")
        let summary: FolderWriteSummary
        do {
            summary = try writer.write(
                pages.map { FolderFile(path: $0.path, text: $0.isKept ? nil : $0.text) }, to: out, holding: lock,
                progress: { done, total in writing?.update(done, of: total) },
                trailer: { stamps in
                    let inputs = Dictionary(pages.compactMap { page in page.inputs.map { (page.path, $0) } }) { a, _ in
                        a
                    }
                    return FolderFile(
                        path: SiteManifest.fileName, text: SiteManifest.text(inputs: inputs, stamps: stamps))
                })
        } catch {
            throw CommandFailure(error)
        }
        writing?.finish()
        let items = pages.count { $0.path.hasPrefix("items/") && !$0.path.hasSuffix(".notice.html") }
        let kept = pages.count(where: \.isKept)
        Terminal.err(
            "已写入 \(out)/index.html：\(items) 个事项页，\(entries.count) 个一件事页；"
                + "\(kept) 个页面未变未重新生成；\(summary.written) 个文件新写入，\(summary.unchanged) 个未变（保留原文件）")
    }

    /// The manifest of the onego site at `out`, if there is one (read under the folder's lock).
    static func manifest(of out: String) -> SiteManifest {
        guard FileManager.default.fileExists(atPath: out + "/" + HandbookSite.marker) else { return SiteManifest() }
        return SiteManifest(folder: out)
    }

    /// The version and the executable's size and modification time: a rebuilt onego renders every page again.
    static var buildIdentity: String {
        let executable =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        let stamp = FileStamp(path: executable).map { "\($0.size) \($0.modified)" } ?? UUID().uuidString
        return "onego \(VersionText.program) \(stamp)"
    }

    /// How long a run waits for another run writing the same folder, in seconds (`ONEGO_LOCK_TIMEOUT` overrides).
    static var lockTimeout: Double {
        ProcessInfo.processInfo.environment["ONEGO_LOCK_TIMEOUT"].flatMap(Double.init).map {
            max(0, $0)
        } ?? 60
    }

    /// The longest beginning that at least half of the catalog files' titles share, plus 政务服务事项
    /// (`广州市云溪区民政局…实施清单`, `广州市云溪区教育局…` → `广州市云溪区政务服务事项`); the only title when there is
    /// one file; a generic title otherwise.
    static func defaultTitle(_ catalog: Catalog) -> String {
        let titles = catalog.files.compactMap(\.title).map(Array.init)
        guard let first = titles.first else { return "政务服务事项目录" }
        if titles.count == 1 { return String(first) }
        var best: [Character] = []
        for title in titles {
            for length in stride(from: title.count, through: best.count + 1, by: -1) {
                let prefix = Array(title.prefix(length))
                if titles.count(where: { $0.starts(with: prefix) }) * 2 >= titles.count {
                    best = prefix
                    break
                }
            }
        }
        return best.count >= 2 ? String(best) + "政务服务事项" : "政务服务事项目录"
    }
}
