import OnegoBase
import OnegoCatalog

/// Codes: USCC check characters, how 实施编码 and 业务办理项编码 are built, basic-code layout, region codes,
/// duplicated codes and handling-item names under one sub-item.
enum CodeRules {
    static let all: [AuditRule] = [
        .item(
            "codes.uscc", .error, .codes, title: "统一社会信用代码校验位",
            explanation: "实施主体的统一社会信用代码须为 18 位、字符集不含 I、O、Z、S、V，且校验位符合 GB 32100-2015。"
        ) { item, _ in
            let code = item.implementingBody.creditCode
            guard let problem = code.validate() else { return [] }
            return [
                RuleIssue("\(item.label)的实施主体“\(item.implementingBody.name)”统一社会信用代码“\(code.rawValue)”无效：\(problem)")
            ]
        },
        .item(
            "codes.implementation-uscc", .error, .codes, title: "实施编码前缀与实施主体代码一致",
            explanation: "实施编码 = 实施主体统一社会信用代码（18 位）+ 行使层级（1 位）+ 基本编码，前 18 位须等于实施主体的代码。"
        ) { item, context in
            let uscc = item.implementingBody.creditCode.rawValue
            // Provincial layouts (Sichuan: 基本编码-区划-000-USCC-1-00) carry the code further in.
            let layout = context.settings.codeProfile.implementationLayout
            guard
                layout.isNational
                    ? !item.codes.implementation.hasPrefix(uscc) : !item.codes.implementation.contains(uscc)
            else { return [] }
            if !layout.isNational {
                return [RuleIssue("\(item.label)的实施编码“\(item.codes.implementation)”不含实施主体统一社会信用代码“\(uscc)”")]
            }
            return [
                RuleIssue(
                    "\(item.label)的实施编码“\(item.codes.implementation)”前 18 位“\(item.codes.implementation.prefix(18))”与实施主体统一社会信用代码“\(uscc)”不一致"
                )
            ]
        },
        .item(
            "codes.implementation-layout", .warning, .codes, title: "实施编码的层级与基本编码",
            explanation: "实施编码第 19 位应为行使层级，其后应为基本编码。"
        ) { item, context in
            let uscc = item.implementingBody.creditCode
            let layout = context.settings.codeProfile.implementationLayout
            if !layout.isNational {
                let expected = layout.code(
                    creditCode: uscc, level: item.level, basic: item.codes.basic, region: item.region)
                guard item.codes.implementation.contains(uscc.rawValue), item.codes.implementation != expected
                else { return [] }
                return [RuleIssue("\(item.label)的实施编码“\(item.codes.implementation)”应为“\(expected)”（\(layout)）")]
            }
            guard item.codes.implementation.hasPrefix(uscc.rawValue),
                !ItemCodes.isExpectedImplementationCode(
                    item.codes.implementation, creditCode: uscc, level: item.level, basic: item.codes.basic)
            else { return [] }
            let expected = ItemCodes.expectedImplementationCode(
                creditCode: uscc, level: item.level, basic: item.codes.basic)
            return [
                RuleIssue(
                    "\(item.label)的实施编码“\(item.codes.implementation)”应为“\(expected)”（行使层级 \(item.level.rawValue)、基本编码 \(item.codes.basic)）"
                )
            ]
        },
        .item(
            "codes.handling-prefix", .warning, .codes, title: "业务办理项编码以实施编码开头",
            explanation: "业务办理项编码 = 实施编码 + 办理项顺序号。"
        ) { item, _ in
            guard let handling = item.codes.handling, !handling.hasPrefix(item.codes.implementation) else { return [] }
            return [RuleIssue("\(item.label)的业务办理项编码“\(handling)”不以实施编码“\(item.codes.implementation)”开头")]
        },
        .item(
            "codes.basic-length", .warning, .codes, title: "基本编码长度",
            explanation: "基本编码长度须符合所选编码规则（国家交换表为 12 位）。"
        ) { item, context in
            let lengths = context.settings.codeProfile.basicCodeLengths
            guard !lengths.contains(item.codes.basic.count) else { return [] }
            let allowed = lengths.sorted().map(String.init).joined(separator: "或")
            return [
                RuleIssue("\(item.label)的基本编码“\(item.codes.basic)”为 \(item.codes.basic.count) 位，编码规则要求 \(allowed) 位")
            ]
        },
        .item(
            "codes.region", .error, .codes, title: "行政区划代码格式",
            explanation: "行政区划代码须为 GB/T 2260 的 6 位或 12 位数字，省级前缀 11–82。"
        ) { item, _ in
            guard !item.region.isWellFormed else { return [] }
            return [RuleIssue("\(item.label)的行政区划代码“\(item.region.rawValue)”不符合 GB/T 2260（6 位或 12 位数字）")]
        },
        .item(
            "codes.region-level", .warning, .codes, title: "区划代码与行使层级相符",
            explanation: "省级事项的区划代码以 0000 结尾，市级以 00 结尾，县级及以下不以 00 结尾。"
        ) { item, _ in
            guard item.region.isWellFormed else { return [] }
            let county = item.region.county
            let ok: Bool
            switch item.level {
            case .national: ok = true
            case .provincial: ok = county.hasSuffix("0000")
            case .municipal: ok = county.hasSuffix("00") && !county.hasSuffix("0000")
            case .county, .township, .village: ok = !county.hasSuffix("00")
            }
            guard !ok else { return [] }
            return [RuleIssue("\(item.label)的行使层级为\(item.level.label)，但行政区划代码“\(item.region.rawValue)”是另一层级的代码")]
        },
        AuditRule(
            "codes.duplicate", .error, .codes, title: "事项编码重复",
            explanation: "同一目录中业务办理项编码（无则实施编码）只能出现一次；重复的事项在统计中只计一次。",
            check: .catalog { catalog, _ in
                // The catalog's index keeps the first item of each code: any other item with the code is a repeat
                // (and it knows whether there is one at all).
                guard catalog.hasRepeatedIDs else { return [] }
                var result: [(ServiceItem, RuleIssue)] = []
                catalog.items.withUnsafeBufferPointer { items in
                    for index in items.indices {
                        guard let first = catalog.firstIndex(ofID: items[index].id), first != index else { continue }
                        let (item, earlier) = (items[index], items[first])
                        result.append(
                            (item, RuleIssue("\(item.label)的编码重复：已在 \(earlier.location) 定义（“\(earlier.name)”）")))
                    }
                }
                return result
            }),
        AuditRule(
            "codes.handling-name-unique", .error, .codes, title: "同一子项下办理项名称唯一",
            explanation: "同一实施编码下的业务办理项名称不能重复，否则申请人无法区分。",
            check: .catalog { catalog, context in
                struct Key: Hashable {
                    let implementation: String
                    let name: Int
                }
                // Only items whose implementation code another item has can share a name under it: none when the
                // codes are as many as the items.
                guard catalog.implementationCodeCount < catalog.items.count else { return [] }
                var result: [(ServiceItem, RuleIssue)] = []
                catalog.items.withUnsafeBufferPointer { items in
                    // The codes are counted first, so names are normalised only for items whose code repeats.
                    var itemsPerCode = [String: Int](minimumCapacity: items.count)
                    for index in items.indices { itemsPerCode[items[index].codes.implementation, default: 0] += 1 }
                    var seen: [Key: Int] = [:]
                    for index in items.indices where itemsPerCode[items[index].codes.implementation, default: 0] > 1 {
                        let key = Key(
                            implementation: items[index].codes.implementation,
                            name: context.normalisedID(ofName: items[index].name))
                        guard let first = seen[key] else {
                            seen[key] = index
                            continue
                        }
                        let (item, earlier) = (items[index], items[first])
                        guard earlier.id != item.id else { continue }
                        result.append(
                            (item, RuleIssue("\(item.label)与\(earlier.label)同属实施编码 \(item.codes.implementation)，名称相同")))
                    }
                }
                return result
            }),
    ]
}
