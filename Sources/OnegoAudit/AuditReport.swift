import OnegoBase
public import OnegoCatalog

/// Everything one audit found and measured; renderers (text, JSON, SARIF, HTML) read only this.
public struct AuditReport: Sendable {
    /// What was audited.
    public struct Subject: Sendable, Hashable, Codable {
        /// The paths given.
        public var paths: [String]
        /// Catalog files read.
        public var files: Int
        /// Handling items (after counting duplicated codes once).
        public var handlingItems: Int
        /// Distinct implementation codes.
        public var implementationItems: Int
        /// Departments.
        public var departments: [String]
        /// Material lines.
        public var materials: Int
    }

    /// What was audited.
    public var subject: Subject
    /// The audit date (waiver expiry is judged against it).
    public var today: CalendarDay
    /// The population the rates count.
    public var population: Population
    /// The policy, when one was given.
    public var policy: Policy?
    /// Active findings, sorted by severity and place.
    public var findings: [Finding]
    /// Findings silenced by waivers.
    public var waived: [WaivedFinding]
    /// Coverage rates.
    public var rates: [RateFigure]
    /// Cross-region counts.
    public var crossRegion: CrossRegionCounts
    /// Time-limit compression. Changing it forgets ``compressionRowSlots``: a renderer must not keep rows that no
    /// longer come from the catalog's files.
    public var compression: CompressionFigures {
        didSet { compressionRowSlots = [] }
    }
    /// Per-matter before/after figures (empty without a matters folder).
    public var matters: [MatterFigures]
    /// Policy targets and how they fared.
    public var targets: [TargetResult]
    /// The rules that ran.
    public var registry: RuleRegistry
    /// 四级四同: per basic code implemented in several regions, how materials and promised limits differ.
    public var regionalVariation: [RegionalVariation] = []
    /// With a finding cache: per catalog file, in order, where a renderer may keep what it made of the file's
    /// compression rows (empty otherwise).
    public internal(set) var compressionRowSlots: [CompressionRowSlot] = []

    /// The number of active error findings.
    public var errorCount: Int { findings.count(.error) }
    /// The number of active warnings.
    public var warningCount: Int { findings.count(.warning) }
    /// The number of active notes.
    public var noteCount: Int { findings.count(.note) }
    /// Targets missed (assessable and not met).
    public var failedTargets: [TargetResult] { targets.filter { !$0.met && $0.isAssessable } }

    /// Targets whose figure has a denominator of 0: 无法评估, neither met nor missed.
    public var unassessableTargets: [TargetResult] { targets.filter { !$0.isAssessable } }

    /// Whether the catalog passes: no error finding, no target missed and none that cannot be assessed (the CLI's
    /// exit 0; the report says which targets could not be assessed).
    public var passes: Bool { errorCount == 0 && failedTargets.isEmpty && unassessableTargets.isEmpty }

    /// The rate with this ID.
    public func rate(_ id: String) -> RateFigure? { rates.first { $0.id == id } }
}
