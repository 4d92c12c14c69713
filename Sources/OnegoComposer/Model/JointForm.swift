public import OnegoBase

/// The bundle's joint application form (一表申请): one form the applicant fills in once, replacing the member
/// items' own application forms. Before bundling each member's form counts; after, the joint form counts once.
public struct JointForm: Sendable, Hashable {
    /// The form's name as published, e.g. 企业开办“一件事”申请表.
    public var name: String
    /// Whether it replaces every member material of type 2 (申请表格文书).
    public var replacesApplicationForms: Bool
    /// Further member materials it replaces, by catalog name.
    public var replaces: [MaterialReference]
    /// Where the `<jointForm>` element is.
    public var location: SourceLocation

    /// Creates a joint form.
    public init(
        name: String, replacesApplicationForms: Bool = true, replaces: [MaterialReference] = [],
        location: SourceLocation = SourceLocation(file: "", line: 0, column: 0)
    ) {
        self.name = name
        self.replacesApplicationForms = replacesApplicationForms
        self.replaces = replaces
        self.location = location
    }
}

/// One member's material, named as the catalog writes it.
public struct MaterialReference: Sendable, Hashable {
    /// The member's id.
    public var member: String
    /// The material's catalog name.
    public var name: String
    /// Where the reference is written.
    public var location: SourceLocation

    /// Creates a reference.
    public init(member: String, name: String, location: SourceLocation = SourceLocation(file: "", line: 0, column: 0)) {
        self.member = member
        self.name = name
        self.location = location
    }
}
