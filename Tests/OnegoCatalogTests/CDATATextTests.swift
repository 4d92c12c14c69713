import Foundation
import OnegoBase
import OnegoCatalog
import OnegoTestSupport
import Testing

/// CDATA sections carry the same text as escaped character data, whether the loader validates or trusts the file
/// (issue 11: validating mode used to drop them, leaving empty names).
@Suite struct CDATATextTests {
    static let edits: [(String, String)] = [
        ("<name>企业设立登记</name>", "<name><![CDATA[烟草专卖零售许可证核发（新办）]]></name>"),
        ("<department>云溪区市场监督管理局</department>", "<department>云溪区<![CDATA[市场监督]]>管理局</department>"),
        (
            "<conditions>申请人已完成企业名称自主申报，住所（经营场所）真实合法。</conditions>",
            "<conditions><![CDATA[申请人已完成企业名称自主申报 & 住所<真实>合法。]]></conditions>"
        ),
        ("<note>可于领取营业执照后5个工作日内补交。</note>", "<note><![CDATA[可于领取营业执照后5个工作日内补交。]]></note>"),
    ]

    static func loaders() throws -> [CatalogLoader] {
        let validating = try CatalogLoader.validating(schemaPath: Fixtures.path("Schemas/catalog.xsd"))
        var validatingOnTwoThreads = validating
        validatingOnTwoThreads.threads = 2
        validatingOnTwoThreads.minimumSplitBytes = 0
        return [validating, validatingOnTwoThreads, CatalogLoader(schema: nil)]
    }

    @Test(arguments: [0, 1, 2])
    func cdataTextReachesTheModel(loaderIndex: Int) throws {
        let loader = try Self.loaders()[loaderIndex]
        let path = try Fixtures.variant(of: "minimal.xml", Self.edits)
        let result = loader.load(paths: [path])
        #expect(result.diagnostics.isEmpty)
        let item = try #require(result.catalog.items.first)
        #expect(item.name == "烟草专卖零售许可证核发（新办）")
        #expect(item.department == "云溪区市场监督管理局")
        #expect(item.conditions == "申请人已完成企业名称自主申报 & 住所<真实>合法。")
        #expect(item.materials.contains { $0.note == "可于领取营业执照后5个工作日内补交。" })
    }

    @Test func cdataInMemoryDocumentReachesTheModel() throws {
        let loader = try CatalogLoader.validating(schemaPath: Fixtures.path("Schemas/catalog.xsd"))
        var text = try Fixtures.text("minimal.xml")
        for (old, new) in Self.edits { text = text.replacingOccurrences(of: old, with: new) }
        let result = loader.load(bytes: Array(text.utf8), name: "cdata.xml")
        #expect(result.diagnostics.isEmpty)
        #expect(result.catalog.items.first?.name == "烟草专卖零售许可证核发（新办）")
    }

    /// White space before the first text of an element may arrive as runs of its own (split by a comment or a CDATA
    /// section); the loader skips copying such runs, and the text must read as if they had been kept and collapsed.
    @Test(arguments: [0, 1, 2])
    func whiteSpaceRunsBeforeTheTextChangeNothing(loaderIndex: Int) throws {
        let loader = try Self.loaders()[loaderIndex]
        let edits = [
            ("<name>企业设立登记</name>", "<name>\n    <!-- 名称 -->\n    企业设立<![CDATA[ ]]>登记\n  </name>"),
            ("<department>云溪区市场监督管理局</department>", "<department> <![CDATA[ ]]>\t<![CDATA[云溪区]]>市场监督管理局</department>"),
        ]
        let path = try Fixtures.variant(of: "minimal.xml", edits)
        let result = loader.load(paths: [path])
        #expect(result.diagnostics.isEmpty)
        let item = try #require(result.catalog.items.first)
        #expect(item.name == "企业设立 登记")
        #expect(item.department == "云溪区市场监督管理局")
    }
}
