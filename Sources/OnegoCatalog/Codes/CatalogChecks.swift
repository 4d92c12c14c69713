import Dispatch
import Foundation
import OnegoBase

/// The checks the schema cannot express: credit-code check characters, how the codes fit together, region
/// codes, promised against statutory limits, and codes defined twice (across files too).
struct CatalogChecks {
    let profile: CodeProfile

    /// Every check of `catalog`'s items: for each item, a code defined before it, then its own checks.
    func run(on catalog: Catalog) -> [Diagnostic] {
        let items = catalog.items
        return chunked(items.count) { range in
            var memo: [String: CreditCode.Problem?] = [:]
            var diagnostics: [Diagnostic] = []
            for index in range {
                if let duplicate = duplicate(at: index, in: catalog) { diagnostics.append(duplicate) }
                check(items[index], memo: &memo, into: &diagnostics)
            }
            return diagnostics
        }
    }

    /// The checks of each item on its own (all but codes defined twice), as the loader's workers run them beside
    /// the parse of one file; in item order.
    func itemChecks(_ items: [ServiceItem]) -> [Diagnostic] {
        chunked(items.count) { range in
            var memo: [String: CreditCode.Problem?] = [:]
            var diagnostics: [Diagnostic] = []
            for index in range { check(items[index], memo: &memo, into: &diagnostics) }
            return diagnostics
        }
    }

    /// Codes defined twice (across files too), in item order: the catalog's index keeps the first item of each
    /// code. With ``itemChecks(_:)`` of every file placed after these, location order gives ``run(on:)``'s order.
    func duplicates(in catalog: Catalog) -> [Diagnostic] {
        // The index knows whether any code repeats: most catalogs need no look-up per item.
        guard catalog.hasRepeatedIDs else { return [] }
        return chunked(catalog.items.count) { range in range.compactMap { duplicate(at: $0, in: catalog) } }
    }

    /// `work` over chunks of `0..<count` (on all cores for 4,000 items or more), joined in order.
    private func chunked(_ count: Int, _ work: @Sendable (Range<Int>) -> [Diagnostic]) -> [Diagnostic] {
        let chunkCount = count < 4_000 ? 1 : ProcessInfo.processInfo.activeProcessorCount * 4
        let chunkSize = (count + chunkCount - 1) / chunkCount
        let slots = WorkerSlots<[Diagnostic]>(count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            slots.store(work(min(count, chunk * chunkSize)..<min(count, (chunk + 1) * chunkSize)), at: chunk)
        }
        return slots.values.flatMap { $0 ?? [] }
    }

    private func duplicate(at index: Int, in catalog: Catalog) -> Diagnostic? {
        let item = catalog.items[index]
        guard let first = catalog.firstIndex(ofID: item.id), first != index else { return nil }
        let firstLocation = catalog.items[first].location
        return Diagnostic(
            .error, rule: .catalogDuplicateCode,
            message: "事项“\(item.name)”（\(item.id)）的编码重复：已在 \(firstLocation) 定义", at: item.location,
            related: [firstLocation])
    }

    /// The checks of one item on its own; `memo` keeps USCC results (a department's code repeats on its items).
    private func check(
        _ item: ServiceItem, memo checkedCodes: inout [String: CreditCode.Problem?],
        into diagnostics: inout [Diagnostic]
    ) {
        var label: String { "事项“\(item.name)”（\(item.id)）" }
        // USCC check character (memoised: a department's code repeats on all its items).
        let uscc = item.implementingBody.creditCode
        let problem: CreditCode.Problem?
        if let known = checkedCodes[uscc.rawValue] {
            problem = known
        } else {
            problem = uscc.validate()
            checkedCodes[uscc.rawValue] = problem
        }
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
}
