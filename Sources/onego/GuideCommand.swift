import ArgumentParser
import Foundation
import OnegoCatalog
import OnegoComposer
import OnegoExport

/// `onego guide (ITEM-CODE | MATTER) --catalog PATH`: print a 办事指南, 一次性告知单 or 收件清单 as HTML or Markdown.
struct GuideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guide",
        abstract: "生成办事指南、一次性告知单或收件清单 (print a guide, a one-time notice or an intake checklist).",
        discussion: """
            TARGET is an item's handling-item or implementation code, or a matter's code (e.g. YX-QYKB). Matters are \
            read from the --catalog paths and --matters paths. Output goes to standard output, or atomically to \
            --output (a temporary file beside it, then renamed; an input file is never overwritten).
            Exit status: 0 written, 1 error (unknown code, catalog errors, incomplete answers), 64 usage error.
            """
    )

    @Argument(help: "Item code (业务办理项编码 or 实施编码) or matter code, or a name when unambiguous.")
    var target: String

    @Option(help: "Catalog files or folders.")
    var catalog: [String] = []

    @Option(
        help:
            "Matter files or folders (default: matters found in the --catalog paths and their matters/ siblings)."
    )
    var matters: [String] = []

    @Option(help: "Document kind: guide, notice, checklist, or all (the three on separate pages).")
    var kind: DocumentKind?

    @Option(
        name: .customLong("answer"),
        help: "A situation answer QUESTION=VALUE (repeatable; matters only).")
    var answers: [AnswerArgument] = []

    @Option(
        help:
            "Acceptance date YYYY-MM-DD or YYYY-MM-DDTHH:MM: prints the due date and 容缺 supplement deadlines."
    )
    var accepted: AcceptanceArgument?

    @Option(help: "Issue date YYYY-MM-DD printed on the document (default: today).")
    var date: DayArgument?

    @Option(help: "Working-day calendar file or folder (default: Catalogs/calendars).")
    var calendar: String?

    @Option(help: "Output format: html, md or docx (default: from --output's extension, else html).")
    var format: DocumentFormat?

    @Option(name: [.customShort("o"), .long], help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    @OptionGroup var options: CatalogOptions

    func validate() throws {
        if catalog.isEmpty { throw ValidationError("请用 --catalog 指定事项目录 (missing --catalog PATH)") }
        try accepted?.check("受理时间")
        _ = try date?.checked("印发日期")
        try DocumentFormat.check(format: format, output: output)
        for answer in answers where !answer.text.contains("=") {
            throw ValidationError("情形答案 \(answer.text) 应写作 问题=答案 (QUESTION=VALUE)")
        }
    }

    /// Every path the command reads, which the output must never replace.
    var inputs: [String] { catalog + matters + (calendar.map { [$0] } ?? []) }

    func run() throws {
        if let output { try AtomicFile.check(output, protecting: inputs) }
        let workspace = Workspace(
            catalogPaths: catalog, matterPaths: matters, calendarPaths: calendar.map { [$0] } ?? [])
        let loadedCatalog = try options.loadUsableCatalog(catalog)
        let issued = date?.day ?? CalendarDay.today()
        let acceptedMoment = accepted?.moment
        let acceptedDay = accepted?.day
        let workingCalendar = acceptedDay == nil ? nil : try Workspace.reported(workspace.calendar)
        var guideOptions = GuideOptions(
            issued: issued, accepted: acceptedDay, calendar: workingCalendar)
        guideOptions.acceptedAt = acceptedMoment
        guideOptions.officeHours = try Workspace.reported(workspace.officeHours)

        let target = try NameLookup.guideTarget(self.target, catalog: loadedCatalog, workspace: workspace)
        let documents: [GuideDocument]
        if let item = loadedCatalog.item(code: target) {
            if !answers.isEmpty { Terminal.err("提示: 单个事项没有情形问题，已忽略 --answer") }
            documents = (kind ?? .guide).kinds.map { kind in
                switch kind {
                case .guide: ItemGuide.make(item, options: guideOptions)
                case .notice: ItemIntake.makeNotice(item, options: guideOptions)
                case .checklist: ItemIntake.makeChecklist(item, options: guideOptions)
                }
            }
        } else {
            let source = try Workspace.reported { () throws(WorkspaceError) in
                try MatterGuideSource(catalog: loadedCatalog, workspace: workspace, calendar: workingCalendar)
            }
            documents = try source.documents(
                code: target, kinds: (kind ?? .notice).kinds, answers: answers, options: guideOptions)
        }

        let resolvedFormat = format ?? DocumentFormat(forPath: output) ?? .html
        if resolvedFormat == .docx, let output {
            let data: Data
            do {
                data = try DOCXGuideRenderer.data(documents)
            } catch {
                throw CommandFailure(error)
            }
            try AtomicFile.write(data, to: output, protecting: inputs)
            Terminal.err("已写入 \(output)（\(documents.map(\.title).joined(separator: "、"))）")
            return
        }
        let text: String
        switch resolvedFormat {
        case .html: text = HTMLGuideRenderer.page(documents)
        case .md: text = MarkdownGuideRenderer.text(documents)
        case .docx: text = ""  // written above; validate() requires --output
        }
        if let output {
            try AtomicFile.write(text, to: output)
            Terminal.err("已写入 \(output)（\(documents.map(\.title).joined(separator: "、"))）")
        } else {
            Terminal.out(text)
        }
    }

}

/// `--kind`.
enum DocumentKind: String, ExpressibleByArgument, CaseIterable {
    case guide, notice, checklist, all

    var kinds: [GuideKind] {
        switch self {
        case .guide: [.guide]
        case .notice: [.notice]
        case .checklist: [.checklist]
        case .all: [.guide, .notice, .checklist]
        }
    }
}

/// `--format`.
enum DocumentFormat: String, ExpressibleByArgument, CaseIterable {
    case html, md, docx

    /// The format a file name implies (`.html`/`.htm`, `.md`/`.markdown`, `.docx`).
    init?(forPath path: String?) {
        guard let path else { return nil }
        switch (path as NSString).pathExtension.lowercased() {
        case "html", "htm": self = .html
        case "md", "markdown": self = .md
        case "docx": self = .docx
        default: return nil
        }
    }

    /// Refuses an output whose extension names another format, or one onego cannot write (`.pdf`, `.doc` …), so
    /// HTML is never written into a file called `guide.pdf`; `.docx` needs a file.
    static func check(format: DocumentFormat?, output: String?) throws {
        let fileExtension = output.map { ($0 as NSString).pathExtension.lowercased() } ?? ""
        // .xml/.xsd paths are onego's inputs: the run refuses them as such (exit 1, naming the protected input).
        if let output, !fileExtension.isEmpty, fileExtension != "xml", fileExtension != "xsd" {
            guard let implied = DocumentFormat(forPath: output) else {
                throw ValidationError(
                    "无法写出 .\(fileExtension) 文件（\(output)）：可用格式为 .html、.md、.docx；需要 PDF 时请用浏览器打开 HTML 后打印为 PDF"
                )
            }
            if let format, format != implied {
                throw ValidationError(
                    "--format \(format.rawValue) 与输出文件 \(output) 的扩展名不符：请改用 .\(format.rawValue) 文件名，或去掉 --format"
                )
            }
        }
        if (format ?? DocumentFormat(forPath: output)) == .docx && output == nil {
            throw ValidationError("--format docx 是二进制文件，请用 --output 给出文件名（如 --output 办事指南.docx）")
        }
    }
}

extension MatterGuideSource {
    /// The documents of `kinds` for the matter `code` composed with `answers`; missing answers are asked for on a
    /// terminal.
    func documents(code: String, kinds: [GuideKind], answers: [AnswerArgument], options: GuideOptions) throws
        -> [GuideDocument]
    {
        guard let matter = matter(code: code) else {
            throw CommandFailure("目录中没有编码为 \(code) 的事项或一件事", code: .cliNoSuchItemOrMatter)
        }
        var answerSet = try answers.answerSet()
        try MatterInputs.checkQuestions(answerSet, of: matter)
        if ComposePrompt.canAsk && !composer.missingQuestions(for: matter, answers: answerSet).isEmpty {
            answerSet = try ComposePrompt.ask(composer: composer, matter: matter, given: answerSet)
        }
        let composition: Composition
        do {
            composition = try composer.compose(
                matter: matter, answers: answerSet, accepted: options.accepted,
                acceptedAt: options.acceptedAt)
        } catch {
            if case .unknownQuestion = error {
                throw ValidationError(Self.explain(error, matter: matter))
            }
            throw CommandFailure(Self.explain(error, matter: matter), code: error.code, cause: error)
        }
        return documents(composition, matter: matter, kinds: kinds, options: options)
    }

    /// The composer's message (it names the questions, their choices and the --answer syntax) with the matter.
    static func explain(_ error: CompositionError, matter: Matter) -> String {
        "\(matter.code) \(matter.name): \(error.description)"
    }
}
