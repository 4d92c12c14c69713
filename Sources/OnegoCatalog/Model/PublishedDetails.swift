import Foundation

/// What real implementation lists publish beside the national elements (catalog schema 1.1): the levels an item is
/// implemented at, joint departments with their role, everyday names and keywords for search, and the appointment
/// address. All optional; an item without them is a schema 1.0 item.
public struct PublishedDetails: Sendable, Hashable, Codable {
    /// 实施层级: every level the item is implemented at ("2,3,4"), beside the ``ServiceItem/level`` of this row.
    public var levels: [Level]
    /// 联办部门 with their roles.
    public var jointDepartments: [JointDepartment]
    /// 俗称: the names citizens use ("办餐饮许可证").
    public var aliases: [String]
    /// Search keywords.
    public var keywords: [String]
    /// The online appointment address (预约办理).
    public var appointmentURL: String?

    /// Creates details; all empty by default.
    public init(
        levels: [Level] = [], jointDepartments: [JointDepartment] = [], aliases: [String] = [],
        keywords: [String] = [], appointmentURL: String? = nil
    ) {
        self.levels = levels
        self.jointDepartments = jointDepartments
        self.aliases = aliases
        self.keywords = keywords
        self.appointmentURL = appointmentURL
    }

    /// Whether nothing is set (a schema 1.0 item).
    public var isEmpty: Bool { self == PublishedDetails() }
}

/// A department that handles part of an item jointly (联办), e.g. 市级司法（受理,审核）.
public struct JointDepartment: Sendable, Hashable, Codable {
    /// The department's name.
    public var name: String
    /// Its role: the steps it takes (受理, 审核, 决定 …), as published.
    public var role: String?

    /// Creates a joint department.
    public init(name: String, role: String? = nil) {
        self.name = name
        self.role = role
    }

    /// Parses the published form "省级司法（审核,决定）、市级司法（受理,审核）" into departments with roles.
    public static func parseList(_ text: String) -> [JointDepartment] {
        var result: [JointDepartment] = []
        var current = ""
        var depth = 0
        func flush() {
            let piece = current.trimmingCharacters(in: .whitespacesAndNewlines)
            current = ""
            guard !piece.isEmpty else { return }
            if let open = piece.firstIndex(where: { $0 == "（" || $0 == "(" }),
                piece.last == "）" || piece.last == ")"
            {
                let name = String(piece[..<open]).trimmingCharacters(in: .whitespaces)
                let role = String(piece[piece.index(after: open)..<piece.index(before: piece.endIndex)])
                result.append(JointDepartment(name: name, role: role.isEmpty ? nil : role))
            } else {
                result.append(JointDepartment(name: piece))
            }
        }
        for character in text {
            switch character {
            case "（", "(": depth += 1
            case "）", ")": depth = max(0, depth - 1)
            default: break
            }
            if depth == 0 && (character == "、" || character == "；" || character == ";" || character == "\n") {
                flush()
            } else {
                current.append(character)
            }
        }
        flush()
        return result
    }
}
