public import OnegoCatalog
public import OnegoComposer

/// The matters of a workspace with a composer over its catalog, and the guides, notices and checklists of a
/// composed matter: what `guide`, `site` and the workbench print for matters.
public struct MatterGuideSource: Sendable {
    /// The catalog the matters are composed against.
    public var catalog: Catalog
    /// The workspace's matters.
    public var matters: [Matter]
    /// A composer with the workspace's synonym table and office hours.
    public var composer: Composer

    /// Loads the workspace's matters (``Workspace/matterFolders``), its synonym table and office hours.
    ///
    /// - Throws: ``WorkspaceError`` when one of those files has errors.
    public init(catalog: Catalog, workspace: Workspace, calendar: WorkingCalendar?) throws(WorkspaceError) {
        self.catalog = catalog
        matters = try workspace.loadMatters()
        composer = try workspace.composer(catalog: catalog, calendar: calendar)
    }

    /// The matter named `name` (code, theme name or file name).
    public func matter(code name: String) -> Matter? { Workspace.matter(named: name, in: matters) }

    /// The documents of `kinds` for `composition` of `matter`: a guide per member item, the notice, the checklist.
    public func documents(
        _ composition: Composition, matter: Matter, kinds: [GuideKind], options: GuideOptions
    ) -> [GuideDocument] {
        kinds.flatMap { kind -> [GuideDocument] in
            switch kind {
            case .guide:
                MatterIntake.memberItems(composition, catalog: catalog).map { ItemGuide.make($0, options: options) }
            case .notice:
                [MatterIntake.makeNotice(composition, matter: matter, catalog: catalog, options: options)]
            case .checklist:
                [MatterIntake.makeChecklist(composition, matter: matter, catalog: catalog, options: options)]
            }
        }
    }
}
