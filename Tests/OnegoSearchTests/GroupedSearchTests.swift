import OnegoCatalog
import OnegoTestSupport
import Testing

@testable import OnegoSearch

/// The search over content groups (documents sharing every text but their departments and codes, scored once per
/// group) against the reference scan, on a catalog of copies that differ only in code, department and implementing
/// body, where some copies also name their department in a material (so a department word reaches a group's texts
/// and a document's own texts at once) and some have a keyword of their own (groups of one).
@Suite struct GroupedSearchTests {
    @Test func copiesShareTheirGroups() {
        let index = CopyCatalogs.groupedCopies
        #expect(index.groups.count < index.count / 5)
        #expect(index.groups.count > SampleIndex.catalog.items.count)
        for group in 0..<index.groups.count {
            let members = index.groups.members(of: Int32(group), department: -1)
            let names = Set(members.map { index.documents[Int($0)].name })
            #expect(names.count == 1)
            #expect(members.map { index.codeRanks[Int($0)] } == members.map { index.codeRanks[Int($0)] }.sorted())
            for department in Set(members.map { index.facetTable.departmentID(of: $0) }) {
                let ofDepartment = index.groups.members(of: Int32(group), department: department)
                #expect(Array(ofDepartment) == members.filter { index.facetTable.departmentID(of: $0) == department })
            }
        }
    }

    @Test func departmentWordsCodesAndContentRankAsTheScan() {
        let index = CopyCatalogs.groupedCopies
        var random = SplitMix64(seed: 31)
        let maker = QueryMaker(index: index)
        var queries = CopyCatalogs.departments.flatMap {
            [String($0.prefix(3)), String($0.dropFirst(3).prefix(2)), $0]
        }
        queries += [
            "实施机关", "第12号", "第3号实施机关", "出具的", "公安分局出具", "云溪区", "gongan", "sfz", "专项58号", "yx", "yxq", "gaj", "ju", "ji",
        ]
        for _ in 0..<40 {
            let code = index.documents[Int(random.next() % UInt64(index.count))].code
            queries.append(String(code.prefix(2 + Int(random.next() % 30))))
        }
        for _ in 0..<80 { queries.append(maker.query(&random)) }
        for _ in 0..<60 {
            let department = CopyCatalogs.departments[Int(random.next() % 5)]
            queries.append(String(department.prefix(5)) + " " + maker.fragment(&random))
        }
        for _ in 0..<40 { queries.append(maker.documentQuery(&random, words: 2 + Int(random.next() % 2))) }
        var nonEmpty = 0
        for query in queries {
            let limit = [1, 2, 5, 20, 50][Int(random.next() % 5)]
            let filters = [
                SearchFacets(), maker.facets(&random),
                SearchFacets(department: CopyCatalogs.departments[Int(random.next() % 5)]),
                SearchFacets(department: "云溪区烟草专卖局"), SearchFacets(type: "行政许可", audience: "自然人"),
            ]
            for filter in filters {
                let expected = index.referenceSearch(query, facets: filter, limit: limit)
                #expect(index.search(query, facets: filter, limit: limit) == expected, "\(query) \(limit) \(filter)")
                if !expected.isEmpty { nonEmpty += 1 }
            }
        }
        #expect(nonEmpty * 3 > queries.count * 5, "most queries should find something")
        #expect(index.groupScratchPool.with { $0.slots.allSatisfy { $0 == -1 } })
    }

    /// Ties between groups of equal score go by the members' codes across the groups, and a department facet takes
    /// each group's members of that department only.
    @Test func tiedGroupsInterleaveTheirMembersByCode() throws {
        let index = CopyCatalogs.groupedCopies
        let hits = index.search("出具的", limit: 50)
        #expect(hits == index.referenceSearch("出具的", limit: 50))
        #expect(Set(hits.map(\.name)).count > 1)
        #expect(Set(hits.map(\.score)).count < hits.count, "several hits tie")
        // Every hit (as `onego find` asks when it filters by several departments itself).
        for query in ["出具的", "身份证", "实施机关", "sfz", "出具的 身份证"] {
            #expect(index.search(query, limit: .max) == index.referenceSearch(query, limit: .max), "\(query)")
        }
        for limit in 1...12 {
            let facets = SearchFacets(department: "云溪区税务局")
            #expect(
                index.search("身份证", facets: facets, limit: limit)
                    == index.referenceSearch("身份证", facets: facets, limit: limit))
        }
    }

    @Test func facetCountsCountEveryMatchingDocument() throws {
        let index = CopyCatalogs.groupedCopies
        for query in ["身份证", "云溪区税务局", "税务 申请表", "实施机关", "sfz", "出具的 身份证", "无此事项"] {
            let counts = index.facetCounts(for: query)
            let hits = index.referenceSearch(query, limit: index.count)
            var departments: [String: Int] = [:]
            var types: [String: Int] = [:]
            for hit in hits {
                let document = try #require(index.documents.first { $0.code == hit.code })
                if let department = document.department { departments[department, default: 0] += 1 }
                types[document.type, default: 0] += 1
            }
            #expect(Dictionary(uniqueKeysWithValues: counts.department.map { ($0.value, $0.count) }) == departments)
            #expect(Dictionary(uniqueKeysWithValues: counts.type.map { ($0.value, $0.count) }) == types)
        }
    }
}
