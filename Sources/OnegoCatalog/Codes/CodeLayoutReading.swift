/// The facts an implementation code carries, read back through a ``CodeLayout``.
public struct CodeLayoutFields: Sendable, Hashable {
    /// The implementing body's USCC, when the layout holds one.
    public var creditCode: String?
    /// 行使层级 (one digit), when the layout holds it.
    public var level: String?
    /// 基本编码, when the layout holds it.
    public var basicCode: String?
    /// The region digits, when the layout holds them.
    public var region: String?
}

extension CodeLayout {
    /// Reads `code` part by part: the fields it carries, or `nil` when it does not have this layout (a literal
    /// that differs, a part of the wrong length, characters left over). A basic code is read up to the literal
    /// that follows it, else with the profile's only basic-code length.
    ///
    /// `511A0138000000-511602000000-000-115113010833722043-1-00` read with the Sichuan layout gives the basic code
    /// `511A0138000000`, the region `511602000000` and the USCC `115113010833722043`.
    public func fields(of code: String, basicCodeLengths: Set<Int>) -> CodeLayoutFields? {
        let characters = Array(code)
        var index = 0
        var fields = CodeLayoutFields()
        func take(_ count: Int) -> String? {
            guard count > 0, index + count <= characters.count else { return nil }
            defer { index += count }
            return String(characters[index..<index + count])
        }
        for (position, part) in parts.enumerated() {
            switch part {
            case .creditCode:
                guard let value = take(18) else { return nil }
                fields.creditCode = value
            case .level:
                guard let value = take(1), value.allSatisfy(\.isNumber) else { return nil }
                fields.level = value
            case .region(let digits):
                guard let value = take(digits), value.allSatisfy(\.isNumber) else { return nil }
                fields.region = value
            case .text(let literal):
                guard let value = take(literal.count), value == literal else { return nil }
            case .basicCode:
                var length = basicCodeLengths.count == 1 ? basicCodeLengths.first : nil
                if position + 1 < parts.count, case .text(let literal) = parts[position + 1],
                    let end = Self.find(Array(literal), in: characters, from: index)
                {
                    length = end - index
                }
                guard let length, let value = take(length) else { return nil }
                fields.basicCode = value
            }
        }
        return index == characters.count ? fields : nil
    }

    private static func find(_ needle: [Character], in haystack: [Character], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        var position = start
        while position + needle.count <= haystack.count {
            if haystack[position..<position + needle.count].elementsEqual(needle) { return position }
            position += 1
        }
        return nil
    }
}
