import ArgumentParser
import Foundation
import OnegoCatalog
import OnegoComposer
import OnegoExport

/// `onego compose MATTER --catalog PATH`: compose one "one matter" bundle for a set of situation answers.
struct ComposeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compose",
        abstract: "编排一件事：选择成员事项、合并材料、部门间流转、并联阶段与关键路径 (compose a one-matter bundle).",
        discussion: """
            MATTER is a matter code (looked up in the matters/ folder beside the catalog's items/ folder, or in \
            --matters) or a matter file. Answers are QUESTION=VALUE; a multiple-choice question takes several \
            values separated by commas or repeated --answer options. Yes/no questions accept 是/否 (or yes/no).

            With no answers on a terminal, the situation questions are asked interactively. In a pipe, the missing \
            answers are listed on standard error and the exit status is 1.

            Exit status: 0 composed; 1 missing or contradictory answers, catalog, matter or calendar errors; \
            64 usage error.
            """
    )

    @Argument(help: "A matter code (e.g. YX-QYKB) or a matter file.")
    var matter: String

    @Option(help: "Catalog files or folders (e.g. Catalogs/yunxi or Catalogs/yunxi/items).")
    var catalog: [String] = []

    @Option(name: .customLong("answer"), help: "A situation answer QUESTION=VALUE (repeatable).")
    var answers: [AnswerArgument] = []

    @Option(
        help: """
            The acceptance date YYYY-MM-DD, or date and time YYYY-MM-DDTHH:MM; working-day limits count from the \
            day after, hour limits in office hours from the time given.
            """)
    var accepted: AcceptanceArgument?

    @Option(
        help:
            "Office hours file (default: office-hours.txt beside the catalog; else 09:00-12:00, 13:30-17:30)."
    )
    var officeHours: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(
        help: """
            Compose every valid answer set (with --answer: those that agree with the given answers), streamed \
            (text: the exact count, then one line per set; JSON: one array written element by element). Refused \
            beyond 10,000 sets, saying how many there are.
            """)
    var enumerate = false

    @Option(help: "Folder of matter files (default: matters/ beside the catalog's items/).")
    var matters: String?

    @Option(help: "Calendar files or folders (default: the repository's Catalogs/calendars).")
    var calendar: [String] = []

    @Option(help: "Material synonym table (default: material-synonyms.xml in the workspace folder, else built in).")
    var synonyms: String?

    @OptionGroup var options: CatalogOptions

    func validate() throws {
        if catalog.isEmpty { throw ValidationError("请用 --catalog 指定事项目录 (missing --catalog PATH)") }
        _ = try answers.answerSet()
        try accepted?.check("受理时间")
    }

    func run() throws {
        let workspace = Workspace(
            catalogPaths: catalog, matterPaths: matters.map { [$0] } ?? [], synonymsPath: synonyms,
            officeHoursPath: officeHours, calendarPaths: calendar)
        let loadedCatalog = try options.loadUsableCatalog(catalog)
        let (matter, composer) = try Workspace.reported { () throws(WorkspaceError) in
            (
                try workspace.matter(named: self.matter),
                try workspace.composer(catalog: loadedCatalog, loadingCalendar: accepted != nil)
            )
        }
        let acceptedMoment = accepted?.moment
        let acceptedDay = accepted?.day

        if enumerate {
            try ComposeEnumeration.run(
                composer: composer, matter: matter, given: try answers.answerSet(), format: format,
                accepted: acceptedDay
            ) {
                try compose(composer, matter, $0, acceptedDay, acceptedMoment)
            }
            return
        }

        var given = try answers.answerSet()
        try MatterInputs.checkQuestions(given, of: matter)
        if !composer.missingQuestions(for: matter, answers: given).isEmpty {
            guard ComposePrompt.canAsk else {
                let missing = composer.missingQuestions(for: matter, answers: given)
                Terminal.err(CompositionError.missingAnswers(missing).description)
                throw ExitCode(1)
            }
            given = try ComposePrompt.ask(composer: composer, matter: matter, given: given)
        }
        let composition = try compose(composer, matter, given, acceptedDay, acceptedMoment)
        switch format {
        case .json: Terminal.out(try CompositionJSON.text(composition, schemaVersion: Terminal.schemaVersion))
        case .text: Terminal.out(CompositionText.render(composition, matter: matter))
        }
    }

    private func compose(
        _ composer: Composer, _ matter: Matter, _ answers: AnswerSet, _ accepted: CalendarDay?,
        _ acceptedAt: CalendarMoment?
    ) throws -> Composition {
        do {
            return try composer.compose(
                matter: matter, answers: answers, accepted: accepted, acceptedAt: acceptedAt)
        } catch {
            // A question the matter does not have is a mistake in the command line, like a misspelt option.
            if case .unknownQuestion = error { throw ValidationError(error.description) }
            throw CommandFailure(error)
        }
    }
}
