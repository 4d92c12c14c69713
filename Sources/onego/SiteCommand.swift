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
            Writes index.html (by department and by matter, with search by name or code), one page per item and \
            one per matter. The folder is built beside DIR and swapped in whole; an existing DIR is replaced only \
            if it is empty or an earlier onego site. A second run writing the same DIR waits for the first \
            (up to 60 seconds, then fails). Open DIR/index.html from disk; no server is needed.
            Exit status: 0 written, 1 error, 64 usage error.
            """
    )

    @Argument(help: "Catalog files or folders.")
    var paths: [String] = []

    @Option(help: "The folder to write.")
    var out: String?

    @Option(
        help:
            "Matter files or folders (default: the catalog folders and the matters/ folder beside items/)."
    )
    var matters: [String] = []

    @Option(help: "The handbook's title (default: from the catalog files' titles).")
    var title: String?

    @Option(help: "Issue date YYYY-MM-DD printed on the pages (default: today).")
    var date: String?

    @OptionGroup var options: CatalogOptions

    func validate() throws {
        if paths.isEmpty { throw ValidationError("请给出事项目录文件或文件夹 (missing PATH)") }
        if out == nil { throw ValidationError("请用 --out 指定输出文件夹 (missing --out DIR)") }
        if let date, CalendarDay(iso: date) == nil {
            throw ValidationError("印发日期 \(date) 不是有效日期，格式应为 YYYY-MM-DD")
        }
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
        let usable = try options.loadUsable(paths)
        let loadedCatalog = usable.catalog
        let issued = date.flatMap(CalendarDay.init(iso:)) ?? CalendarDay.today()
        let source = try MatterGuideSource(
            catalog: loadedCatalog, catalogPaths: paths, matterPaths: matters, calendar: nil)
        let entries = source.matters.map { matter in
            Self.example(for: matter, composer: source.composer)
        }
        let site = HandbookSite(
            title: title ?? Self.defaultTitle(loadedCatalog), catalog: loadedCatalog, matters: entries,
            options: GuideOptions(issued: issued),
            withheld: usable.skipped.map {
                HandbookSite.WithheldItem(
                    name: $0.item.name, code: $0.item.id, department: $0.item.department,
                    problems: $0.errors.map(\.message))
            })
        let pages = site.pages()
        do {
            try writer.write(pages.map { ($0.path, $0.text) }, to: out, holding: lock)
        } catch {
            throw CommandFailure(error)
        }
        let items = pages.count { $0.path.hasPrefix("items/") }
        Terminal.err("已写入 \(out)/index.html：\(items) 个事项页，\(entries.count) 个一件事页")
    }

    /// How long a run waits for another run writing the same folder, in seconds (`ONEGO_LOCK_TIMEOUT` overrides).
    static var lockTimeout: Double {
        ProcessInfo.processInfo.environment["ONEGO_LOCK_TIMEOUT"].flatMap(Double.init).map {
            max(0, $0)
        } ?? 60
    }

    /// The example situation of a matter's page: of the first answer sets, the one that selects the most members
    /// (so the page shows the fullest list).
    static func example(for matter: Matter, composer: Composer) -> HandbookSite.MatterEntry {
        let candidates = composer.enumerateAnswerSets(for: matter, limit: 256)
        var best: Composition?
        var problem: String?
        for answers in candidates {
            do {
                let composition = try composer.compose(matter: matter, answers: answers)
                if best == nil || composition.members.count > (best?.members.count ?? 0) {
                    best = composition
                }
            } catch {
                problem = problem ?? error.description
            }
        }
        if best == nil, problem == nil {
            do {
                best = try composer.compose(matter: matter, answers: AnswerSet())
            } catch {
                problem = error.description
            }
        }
        return HandbookSite.MatterEntry(matter: matter, example: best, problem: problem)
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
