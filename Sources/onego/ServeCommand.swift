import ArgumentParser
import Foundation
import OnegoAudit
import OnegoBase
import OnegoCatalog
import OnegoComposer
import OnegoExport
import OnegoServer

/// `onego serve WORKSPACE`: the officer workbench in the browser, over the same library calls as the other commands.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "启动办事人员工作台：在浏览器中搜索事项、编排一件事、查看审计 (start the local web workbench).",
        discussion: """
            WORKSPACE is a catalog folder such as Catalogs/yunxi (items/ and matters/ inside). When ready, one line \
            `onego 工作台：http://127.0.0.1:PORT/?token=TOKEN` is printed; open it in a browser. The token is new at \
            every start and required on every request (the first visit stores it in a cookie); scripts send \
            `Authorization: Bearer TOKEN`. Requests whose Host is not the listening address, and changes that do not \
            come from the workbench's own pages, are refused.

            Security: the workbench listens on 127.0.0.1 only. Listening on another address (--host) exposes the \
            catalog to the network over plain HTTP (no encryption; anyone on the path can read the traffic and the \
            password); it is refused unless --allow-remote and --password-file are both given, and the password \
            then replaces the random token. Use it only on a trusted office network.

            Exit status: 0 after an interrupt, 1 when the workspace cannot be loaded or the port is taken, 64 usage \
            error.
            """
    )

    @Argument(help: "The workspace: a catalog folder with items/ and matters/ (e.g. Catalogs/yunxi).")
    var workspace: String

    @Option(help: "Port to listen on; 0 picks a free port.")
    var port: Int = 8080

    @Option(help: "Address to listen on (loopback only, unless --allow-remote).")
    var host: String = "127.0.0.1"

    @Flag(help: "Allow changes (authoring matters, imports); read-only otherwise.")
    var edit = false

    @Flag(help: "Allow a --host other than loopback (plain HTTP; see the security note).")
    var allowRemote = false

    @Option(help: "File whose first line is the password for remote access (at least 16 characters).")
    var passwordFile: String?

    @Option(
        help:
            "Policy for the audit page: a file or a shipped name (default: policy.xml in the workspace, else guangdong-style-2026)."
    )
    var policy: String?

    @OptionGroup var options: CatalogOptions

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port 须在 0 到 65535 之间") }
        if !WorkbenchConfiguration.isLoopback(host) && !(allowRemote && passwordFile != nil) {
            throw ValidationError(
                "拒绝在 \(host) 上监听：这会把目录以明文 HTTP 暴露给网络。确需远程访问时，请同时给出 --allow-remote 和 --password-file")
        }
    }

    func run() async throws {
        // Request handlers run on the event loops that read the requests: no hop to Swift's own pool and back
        // (fewer context switches and a much shorter tail under load; Benchmarks/RESULTS.md, session 9).
        Workbench.runTasksOnEventLoops()
        let command = self
        let store = WorkbenchStore(
            data: try loadData(), watching: watchedPaths(), loader: { try command.loadData() })
        var configuration = WorkbenchConfiguration(host: host, port: port, token: try token(), allowsEditing: edit)
        configuration.isPassword = passwordFile != nil
        let workbench = Workbench(configuration: configuration, store: store)
        do {
            try await workbench.run { port in
                // Terminal.out writes straight to the file descriptor: nothing is left in a buffer. With a password
                // the URL carries no secret: the browser asks for the password.
                let url = workbench.url(port: port)
                Terminal.out("onego 工作台：\(passwordFile == nil ? url : String(url.prefix { $0 != "?" }))")
            }
        } catch {
            throw CommandFailure("工作台无法启动：\(error)", code: .cliServeFailed, cause: error)
        }
    }

    /// Loads the workspace as the other commands do: at start, and again when its files change.
    func loadData() throws -> WorkbenchData {
        let usable: UsableCatalog
        do {
            // Items with errors (real data carries wrong USCC check characters …) are listed, not a reason to refuse
            // the workspace: the workbench serves every valid item, as guide and site do.
            usable = try options.loadUsable([workspace])
        } catch let failure as CommandFailure {
            // The reload banner shows this text: name the first error (file:line:column), not only that there is one.
            guard let cause = failure.underlyingError else { throw failure }
            throw CommandFailure("\(failure.description)：\(cause)", code: failure.code, cause: cause)
        }
        let catalog = usable.catalog
        let files = Workspace(catalogPaths: [workspace])
        let matterFolders = files.matterFolders
        let matters = try Workspace.reported(files.loadMatters)
        let synonyms = try Workspace.reported(files.synonyms)
        let calendar = try? files.calendar()
        // The workspace's office hours, as `onego compose` uses them: hour-counted plans are due at the same time.
        let officeHours = try Workspace.reported(files.officeHours)
        let composer = Composer(catalog: catalog, synonyms: synonyms, calendar: calendar, officeHours: officeHours)
        var data = WorkbenchData(
            workspace: workspace, catalog: catalog, matters: matters, composer: composer, audit: try audit(),
            issued: CalendarDay.today(), search: IndexSearch(catalog: catalog, matters: matters))
        data.mattersFolder = matterFolders.first
        data.withheld = usable.skipped.map { skipped in
            (skipped.item.name, skipped.item.id, skipped.errors.first.map(\.description) ?? "")
        }
        return data
    }

    /// The workspace and the policy: a change to either reloads the workbench.
    func watchedPaths() -> [String] {
        var paths = [workspace] + Workspace.defaultMatterFolders(near: [workspace])
        if let policy { paths.append(policy) }
        return Array(Set(paths)).sorted()
    }

    /// The audit report for the policy named, else the workspace's `policy.xml`, else the shipped default.
    func audit() throws -> AuditReport? {
        let path = policy ?? Workspace(catalogPaths: [workspace]).policyFile ?? Policy.defaultName
        if policy == nil { Terminal.err("审计页按政策 \(path) 的目标（可用 --policy 另行指定）") }
        var arguments = [workspace, "--policy", path]
        if let schemas = options.schemaDirectory { arguments += ["--schemas", schemas] }
        return try AuditCommand.parse(arguments).makeReport()
    }

    /// A fresh random token, or the password read from --password-file for remote access.
    func token() throws -> AccessToken {
        guard let passwordFile else { return .random() }
        guard let text = try? String(contentsOfFile: passwordFile, encoding: .utf8),
            let line = text.split(whereSeparator: \.isNewline).first, line.count >= 16
        else {
            throw ValidationError("无法从 \(passwordFile) 读取口令（第一行，至少 16 个字符）")
        }
        return AccessToken(value: String(line))
    }
}
