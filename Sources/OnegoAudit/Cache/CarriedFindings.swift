import OnegoBase
import OnegoCatalog

/// The item findings of an edited file's earlier outcome, by earlier item, for the items its load took from the
/// file's entry unchanged at the same lines (``ItemCarryOver``). Item rules are functions of one item and the audit's
/// settings, and such an item equals the earlier one, location included, so its findings are the earlier item's.
struct CarriedFindings {
    /// Per rule, the earlier findings in item order.
    private let perRule: [[Finding]]
    /// Per rule, the earlier item each finding lies in (in order, so never decreasing).
    private let owners: [[Int]]

    /// The findings `perRule` of the earlier outcome of the file `path`, whose items had the lines `earlierLines`;
    /// `nil` when a finding lies outside every earlier item or out of item order (it cannot then be told whose it is).
    init?(_ perRule: [[Finding]], path: String, earlierLines: [ClosedRange<Int>]) {
        var owners: [[Int]] = []
        owners.reserveCapacity(perRule.count)
        for findings in perRule {
            var list: [Int] = []
            list.reserveCapacity(findings.count)
            for finding in findings {
                guard let location = finding.location, location.file == path,
                    let owner = Self.item(holding: location.line, in: earlierLines), owner >= list.last ?? 0
                else { return nil }
                list.append(owner)
            }
            owners.append(list)
        }
        self.perRule = perRule
        self.owners = owners
    }

    /// The findings of the rule at `rule` (its index in the registry) on the earlier items `items`, in order.
    func findings(rule: Int, items: Range<Int>) -> ArraySlice<Finding> {
        let owners = self.owners[rule]
        let start = Self.firstIndex(in: owners, notBelow: items.lowerBound)
        let end = Self.firstIndex(in: owners, notBelow: items.upperBound)
        return perRule[rule][start..<end]
    }

    /// The index of the item whose lines hold `line` (items in order, not overlapping).
    static func item(holding line: Int, in lines: [ClosedRange<Int>]) -> Int? {
        var low = 0
        var high = lines.count
        while low < high {
            let middle = (low + high) / 2
            if lines[middle].lowerBound <= line { low = middle + 1 } else { high = middle }
        }
        guard low > 0, lines[low - 1].contains(line) else { return nil }
        return low - 1
    }

    /// The first index of `sorted` (never decreasing) whose value is at least `value`.
    private static func firstIndex(in sorted: [Int], notBelow value: Int) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
