import Dispatch
import OnegoBase
public import OnegoCatalog

/// Time-limit compression of one item: (法定 − 承诺) ÷ 法定 in the same unit.
public struct ItemCompression: Sendable, Hashable, Codable {
    /// The item's code.
    public var item: String
    /// The item's name.
    public var name: String
    /// The item's department.
    public var department: String
    /// Whether it is 行政许可.
    public var isLicensing: Bool
    /// 法定办结时限.
    public var statutory: TimeLimit?
    /// 承诺办结时限.
    public var promised: TimeLimit?
    /// The rate in 0…1 (即办件 give 1), or `nil` when excluded.
    public var rate: Double?
    /// Why the item is excluded, when it is.
    public var exclusion: String?
    /// 法定 in approximate working days, for the day-weighted figure.
    public var statutoryDays: Double
    /// 承诺 in approximate working days.
    public var promisedDays: Double

    /// Whether the item is left out of the figures (``CompressionFigures/excluded``).
    public var isExcluded: Bool { rate == nil }
    /// Whether its promise equals the statutory limit (``CompressionFigures/unreformed``).
    public var isUnreformed: Bool { rate == 0 }
    /// Whether its promised limit is 未公布 (``CompressionFigures/notPublished``).
    public var isNotPublished: Bool { exclusion == CompressionFigures.notPublished }
}

/// Aggregate compression over a set of items, both ways, each labelled.
public struct CompressionAggregate: Sendable, Hashable, Codable {
    /// The mean of the per-item rates.
    public var meanOfRates: Double?
    /// (Σ法定 − Σ承诺) ÷ Σ法定, with limits converted to working days.
    public var dayWeighted: Double?
    /// How many items were counted.
    public var counted: Int
    /// Σ of per-item rates (the mean's numerator).
    public var rateSum: Double
    /// Σ法定 in working days.
    public var statutoryDays: Double
    /// Σ承诺 in working days.
    public var promisedDays: Double

    /// The label of the mean.
    public static let meanLabel = "逐项压缩率的算术平均：Σ[(法定−承诺)÷法定] ÷ 事项数"
    /// The label of the day-weighted figure.
    public static let weightedLabel = "按天数加权：(Σ法定 − Σ承诺) ÷ Σ法定（小时、分钟按办公时间折算，默认每个工作日 7 小时；自然日按 5/7 折算）"

    init(
        meanOfRates: Double?, dayWeighted: Double?, counted: Int, rateSum: Double, statutoryDays: Double,
        promisedDays: Double
    ) {
        self.meanOfRates = meanOfRates
        self.dayWeighted = dayWeighted
        self.counted = counted
        self.rateSum = rateSum
        self.statutoryDays = statutoryDays
        self.promisedDays = promisedDays
    }

    init(_ items: [ItemCompression]) {
        var sum = Sum()
        for item in items { sum.add(item) }
        self = sum.aggregate
    }

    /// Running sums, so groups are aggregated in one pass without collecting their rows.
    struct Sum {
        var counted = 0
        var rateSum = 0.0
        var statutoryDays = 0.0
        var promisedDays = 0.0

        mutating func add(_ item: ItemCompression) {
            guard let rate = item.rate else { return }
            counted += 1
            rateSum += rate
            statutoryDays += item.statutoryDays
            promisedDays += item.promisedDays
        }

        var aggregate: CompressionAggregate {
            CompressionAggregate(
                meanOfRates: counted == 0 ? nil : rateSum / Double(counted),
                dayWeighted: statutoryDays > 0 ? (statutoryDays - promisedDays) / statutoryDays : nil,
                counted: counted, rateSum: rateSum, statutoryDays: statutoryDays, promisedDays: promisedDays)
        }
    }
}

/// Compression of one department.
public struct DepartmentCompression: Sendable, Hashable, Codable {
    /// The department.
    public var department: String
    /// Its aggregate.
    public var aggregate: CompressionAggregate
}

/// Time-limit compression per item and in aggregate.
public struct CompressionFigures: Sendable, Hashable, Codable {
    /// Every item of the population, counted or excluded.
    public var items: [ItemCompression]
    /// All counted items.
    public var overall: CompressionAggregate
    /// 行政许可 items only (the population real reports use, e.g. Futian 2021: 93.8%).
    public var licensing: CompressionAggregate
    /// By department, in order of first appearance.
    public var byDepartment: [DepartmentCompression]

    /// Items left out, with reasons.
    public var excluded: [ItemCompression] { items.filter(\.isExcluded) }
    /// Items whose promise equals the statutory limit (no reform yet).
    public var unreformed: [ItemCompression] { items.filter(\.isUnreformed) }
    /// 即办件 counted at 100%.
    public var immediateCount: Int { items.count { $0.rate != nil && $0.promised?.value == 0 } }
    /// Items whose promised limit is 未公布: no data for the rate, listed rather than counted as 0.
    public var notPublished: [ItemCompression] { items.filter(\.isNotPublished) }
    /// The exclusion reason of an item without a published promise.
    static let notPublished = "承诺办结时限未公布"

    /// Computes the figures for the items (duplicates counted once); limits in hours or minutes compare with
    /// working days through `officeHours` (the composer's conversion).
    public static func compute(items: [ServiceItem], officeHours: OfficeHours = .standard) -> CompressionFigures {
        compute(items: items, units: PopulationIndex(.handlingItems, items: items), officeHours: officeHours)
    }

    /// Computes the figures for the handling items already worked out.
    ///
    /// The rows of 10,000 units or more are made in two halves side by side; the sums are added row by row in order
    /// either way, so every figure is the same to the last bit.
    static func compute(items: [ServiceItem], units: PopulationIndex, officeHours: OfficeHours) -> CompressionFigures {
        // Each row is made in its place (copying 100,000 rows after the halves cost a retain per string).
        let count = units.count
        let rows = [ItemCompression](unsafeUninitializedCapacity: count) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            nonisolated(unsafe) let rows = base
            @Sendable func make(_ range: Range<Int>) {
                items.withUnsafeBufferPointer { items in
                    for unit in range {
                        (rows + unit).initialize(
                            to: row(for: items[units.representative(of: unit)], officeHours: officeHours))
                    }
                }
            }
            if count >= halvedRowCount {
                DispatchQueue.concurrentPerform(iterations: 2) { half in
                    make(half == 0 ? 0..<count / 2 : count / 2..<count)
                }
            } else {
                make(0..<count)
            }
            initialized = count
        }
        return aggregated(rows)
    }

    /// The figures of `rows` (every handling unit's row, in catalog order): the sums are added row by row in order,
    /// so rows put together from several sources give the same figures to the last bit.
    static func aggregated(_ rows: [ItemCompression]) -> CompressionFigures {
        var overall = CompressionAggregate.Sum()
        var licensing = CompressionAggregate.Sum()
        var departments: [String] = []
        var byDepartment: [CompressionAggregate.Sum] = []
        var departmentIndex: [UTF8Key: Int] = [:]
        // A department's rows mostly follow each other: one whose department has the last row's bytes is not looked
        // up (the index, too, tells departments apart by their bytes).
        var last: (department: String, index: Int)?
        for row in rows {
            overall.add(row)
            if row.isLicensing { licensing.add(row) }
            let index: Int
            if let last, UTF8Key(last.department) == UTF8Key(row.department) {
                index = last.index
            } else {
                let key = UTF8Key(row.department)
                index = departmentIndex[key] ?? departments.count
                if index == departments.count {
                    departmentIndex[key] = index
                    departments.append(row.department)
                    byDepartment.append(CompressionAggregate.Sum())
                }
                last = (row.department, index)
            }
            byDepartment[index].add(row)
        }
        return CompressionFigures(
            items: rows, overall: overall.aggregate, licensing: licensing.aggregate,
            byDepartment: zip(departments, byDepartment).map {
                DepartmentCompression(department: $0, aggregate: $1.aggregate)
            })
    }

    /// The unit count from which ``compute(items:units:officeHours:)`` makes its rows in two halves.
    static let halvedRowCount = 10_000

    static func row(for item: ServiceItem, officeHours: OfficeHours) -> ItemCompression {
        var row = ItemCompression(
            item: item.id, name: item.name, department: item.department, isLicensing: item.type.isLicensing,
            statutory: item.statutoryLimit, promised: item.promisedLimit, rate: nil, exclusion: nil,
            statutoryDays: item.statutoryLimit?.workingDays(in: officeHours) ?? 0,
            promisedDays: item.promisedLimit?.workingDays(in: officeHours) ?? 0)
        guard let promised = item.promisedLimit else {
            row.exclusion = Self.notPublished
            return row
        }
        guard let statutory = item.statutoryLimit else {
            row.exclusion = "无法定办结时限"
            return row
        }
        guard statutory.value > 0 else {
            row.exclusion = "法定办结时限为 0"
            return row
        }
        if item.isImmediate {
            row.rate = 1
            row.promisedDays = 0
            return row
        }
        if promised.unit == statutory.unit {
            row.rate = (statutory.value - promised.value) / statutory.value
        } else if promised.compare(to: statutory, officeHours: officeHours) != nil {
            row.rate = (row.statutoryDays - row.promisedDays) / row.statutoryDays
        } else if promised.value == 0 {
            row.rate = 1
        } else {
            row.exclusion = "法定（\(statutory.unit.rawValue)）与承诺（\(promised.unit.rawValue)）单位不可比，需工作日历换算"
            return row
        }
        return row
    }
}
