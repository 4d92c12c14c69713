import Dispatch
import Foundation
import OnegoBase

/// The checks the schema cannot express: credit-code check characters, how the codes fit together, region
/// codes, promised against statutory limits, and codes defined twice (across files too).
struct CatalogChecks {
    let profile: CodeProfile

    func run(on catalog: Catalog) -> [Diagnostic] {
        // Each item is checked on its own (duplicates through the catalog's index of first occurrences), so large
        // catalogs are checked in chunks on all cores; the chunks' findings are joined in item order.
        let items = catalog.items
        let chunkCount = items.count < 4_000 ? 1 : ProcessInfo.processInfo.activeProcessorCount * 4
        let chunkSize = (items.count + chunkCount - 1) / chunkCount
        let slots = WorkerSlots<[Diagnostic]>(count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let range = min(items.count, chunk * chunkSize)..<min(items.count, (chunk + 1) * chunkSize)
            slots.store(check(range, of: catalog), at: chunk)
        }
        return slots.values.flatMap { $0 ?? [] }
    }

    private func check(_ range: Range<Int>, of catalog: Catalog) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var checkedCodes: [String: CreditCode.Problem?] = [:]
        for index in range {
            let item = catalog.items[index]
            var label: String { "事项“\(item.name)”（\(item.id)）" }
            // Codes defined twice: the catalog's index keeps the first item of each code.
            if let first = catalog.firstIndex(ofID: item.id), first != index {
                let firstLocation = catalog.items[first].location
                diagnostics.append(
                    Diagnostic(
                        .error, rule: .catalogDuplicateCode,
                        message: "\(label)的编码重复：已在 \(firstLocation) 定义", at: item.location,
                        related: [firstLocation]))
            }
            // USCC check character (memoised: a department's code repeats on all its items).
            let uscc = item.implementingBody.creditCode
            let problem = checkedCodes[uscc.rawValue] ?? uscc.validate()
            checkedCodes[uscc.rawValue] = problem
            if let problem {
                diagnostics.append(
                    Diagnostic(
                        .error, rule: .catalogUSCC,
                        message: "\(label)的实施主体统一社会信用代码“\(uscc.rawValue)”无效：\(problem)",
                        at: item.location))
            }
            // Implementation code = USCC + level + basic code, or the profile's layout.
            let layout = profile.implementationLayout
            let matches =
                layout.isNational
                ? ItemCodes.isExpectedImplementationCode(
                    item.codes.implementation, creditCode: uscc, level: item.level, basic: item.codes.basic)
                : item.codes.implementation
                    == layout.code(creditCode: uscc, level: item.level, basic: item.codes.basic, region: item.region)
            if !matches {
                let expected = layout.code(
                    creditCode: uscc, level: item.level, basic: item.codes.basic, region: item.region)
                diagnostics.append(
                    Diagnostic(
                        .warning, rule: .catalogImplementationCode,
                        message: "\(label)的实施编码“\(item.codes.implementation)”与“\(layout)”（\(expected)）不一致",
                        at: item.location))
            }
            if let handling = item.codes.handling, !handling.hasPrefix(item.codes.implementation) {
                diagnostics.append(
                    Diagnostic(
                        .warning, rule: .catalogHandlingCode,
                        message: "\(label)的业务办理项编码“\(handling)”不以实施编码“\(item.codes.implementation)”开头",
                        at: item.location))
            }
            if !profile.basicCodeLengths.contains(item.codes.basic.count) {
                let lengths = profile.basicCodeLengths.sorted().map(String.init).joined(separator: "或")
                diagnostics.append(
                    Diagnostic(
                        .warning, rule: .catalogBasicCode,
                        message: "\(label)的基本编码“\(item.codes.basic)”长度为\(item.codes.basic.count)位，编码规则要求\(lengths)位",
                        at: item.location))
            }
            if !item.region.isWellFormed {
                diagnostics.append(
                    Diagnostic(
                        .error, rule: .catalogRegionCode,
                        message: "\(label)的行政区划代码“\(item.region.rawValue)”不符合 GB/T 2260（6 位或 12 位数字）",
                        at: item.location))
            }
            // Promised ≤ statutory in comparable units.
            if let statutory = item.statutoryLimit, let promised = item.promisedLimit,
                promised.compare(to: statutory) == .descending
            {
                diagnostics.append(
                    Diagnostic(
                        .error, rule: .catalogPromiseExceedsStatutory,
                        message: "\(label)的承诺时限（\(promised)）超过法定时限（\(statutory)）",
                        at: item.location))
            }
        }
        return diagnostics
    }
}
