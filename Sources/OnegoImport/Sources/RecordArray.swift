import Foundation

/// Where the records of a JSON document are: the root array, or the array of objects an object holds, at the top
/// (`{"total": 12, "data": […]}`) or nested as portal APIs answer (`{"code": 200, "data": {"list": […]}}`).
struct RecordArray {
    /// The members leading from the root object to the array (empty for a root array).
    var path: [String]
    /// The array's elements.
    var array: [Any]
    /// Says where the records were taken from when that is not plain (a nested array, or several arrays of objects),
    /// naming the arrays not read.
    var note: String?

    /// How many of `keys` the first objects of an array use (a sample: code tables and records differ at once).
    private static func knownCount(_ objects: [[String: Any]], _ keys: Set<String>) -> Int {
        guard !keys.isEmpty else { return 0 }
        var used: Set<String> = []
        for object in objects.prefix(50) { used.formUnion(object.keys.filter(keys.contains)) }
        return used.count
    }

    /// How deep under the root object arrays of objects are looked for.
    static let maxDepth = 4

    /// The record array of `root`: among the arrays of objects within ``maxDepth`` members of the root object, the
    /// one whose objects hold the most of `knownKeys` (the profile's keys), then the one with the most objects, the
    /// shallowest, the first in key order; with none, the first array member of the root object (whose records are
    /// then reported as not objects); `nil` when there is no array at all.
    static func find(in root: Any, knownKeys: Set<String> = []) -> RecordArray? {
        if let list = root as? [Any] { return RecordArray(path: [], array: list) }
        guard let object = root as? [String: Any] else { return nil }
        var candidates: [(path: [String], array: [Any], objects: Int, known: Int)] = []
        var level: [([String], [String: Any])] = [([], object)]
        for _ in 0..<maxDepth where !level.isEmpty {
            var next: [([String], [String: Any])] = []
            for (path, object) in level {
                for key in object.keys.sorted() {
                    if let list = object[key] as? [Any] {
                        let objects = list.compactMap { $0 as? [String: Any] }
                        if !objects.isEmpty {
                            candidates.append((path + [key], list, objects.count, knownCount(objects, knownKeys)))
                        }
                    } else if let inner = object[key] as? [String: Any] {
                        next.append((path + [key], inner))
                    }
                }
            }
            level = next
        }
        // Most known keys, then most objects, then the shallowest, then the first found.
        let ranked = candidates.indices.max { a, b in
            let (x, y) = (candidates[a], candidates[b])
            return (x.known, x.objects, -x.path.count, -a) < (y.known, y.objects, -y.path.count, -b)
        }
        guard let best = ranked.map({ candidates[$0] })
        else {
            guard let key = object.keys.sorted().first(where: { object[$0] is [Any] }),
                let list = object[key] as? [Any]
            else { return nil }
            return RecordArray(path: [key], array: list)
        }
        var found = RecordArray(path: best.path, array: best.array)
        let others = candidates.filter { $0.path != best.path }
        if best.path.count > 1 || !others.isEmpty {
            var message = "记录取自 \(best.path.joined(separator: "."))（\(best.array.count) 条）"
            if !others.isEmpty {
                let list = others.map { "\($0.path.joined(separator: "."))（\($0.array.count) 条）" }
                message += "；另有对象数组 \(list.joined(separator: "、"))未作为记录读取"
            }
            found.note = message
        }
        return found
    }
}
