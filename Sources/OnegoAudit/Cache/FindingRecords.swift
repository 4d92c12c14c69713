import OnegoBase

/// The item findings of one catalog file in the byte form ``FindingCache`` stores: a table of the distinct strings,
/// then, rule by rule of the registry, the rule's findings in item order (item code, item name, department,
/// message, location), each string as its number in the table. Integers are LEB128 varints.
enum FindingRecords {
    /// The bytes of `perRule` (one list per rule of the registry, in registry order).
    static func encode(_ perRule: [[Finding]]) -> [UInt8] {
        var table: [String: Int] = [:]
        var strings: [String] = []
        var body: [UInt8] = []
        func number(_ text: String?) -> Int {
            guard let text else { return 0 }
            if let known = table[text] { return known }
            strings.append(text)
            table[text] = strings.count
            return strings.count
        }
        body.appendVarint(perRule.count)
        for findings in perRule {
            body.appendVarint(findings.count)
            for finding in findings {
                for text in [finding.item, finding.itemName, finding.department, finding.message] {
                    body.appendVarint(number(text))
                }
                let location = finding.location
                body.appendVarint(number(location?.file))
                body.appendVarint(location?.line ?? 0)
                body.appendVarint(location?.column ?? 0)
            }
        }
        var bytes: [UInt8] = []
        bytes.appendVarint(strings.count)
        for text in strings {
            bytes.appendVarint(text.utf8.count)
            bytes += text.utf8
        }
        return bytes + body
    }

    /// The findings of `bytes` for the registry's `rules`; `nil` when the bytes do not describe that many rules
    /// exactly (damaged, or written for another registry).
    static func decode(_ bytes: [UInt8], rules: [AuditRule]) -> [[Finding]]? {
        bytes.withUnsafeBufferPointer { buffer -> [[Finding]]? in
            var reader = VarintReader(buffer)
            guard let stringCount = reader.next(), stringCount <= buffer.count else { return nil }
            var strings: [String?] = [nil]
            strings.reserveCapacity(stringCount + 1)
            for _ in 0..<stringCount {
                guard let text = reader.string() else { return nil }
                strings.append(text)
            }
            func text() -> String?? {
                guard let index = reader.next(), index < strings.count else { return nil }
                return .some(strings[index])
            }
            guard reader.next() == rules.count else { return nil }
            var perRule: [[Finding]] = []
            perRule.reserveCapacity(rules.count)
            for rule in rules {
                guard let count = reader.next(), count <= buffer.count else { return nil }
                var findings: [Finding] = []
                findings.reserveCapacity(count)
                for _ in 0..<count {
                    guard let code = text(), let name = text(), let department = text(),
                        let stored = text(), let message = stored, let file = text(), let line = reader.next(),
                        let column = reader.next()
                    else { return nil }
                    findings.append(
                        Finding(
                            rule: rule.id, severity: rule.severity, item: code, itemName: name, message: message,
                            location: file.map { SourceLocation(file: $0, line: line, column: column) },
                            department: department))
                }
                perRule.append(findings)
            }
            return reader.isAtEnd ? perRule : nil
        }
    }
}
