import Foundation
import OnegoBase
import OnegoCatalog
import OnegoImport
import OnegoTestSupport
import ZIPFoundation

/// Shared helpers: loading shipped profiles, running an import into a fresh folder, and building small workbooks
/// part by part for the bad-input cases.
enum ImportTestSupport {
    static func profile(_ name: String) throws -> ImportProfile {
        try ImportProfile.load(
            path: Fixtures.path("Catalogs/profiles/\(name).xml"),
            schemaPath: Fixtures.path("Schemas/import-profile.xsd"))
    }

    static func importer(_ name: String) throws -> CatalogImporter {
        CatalogImporter(profile: try profile(name), schemaPath: Fixtures.path("Schemas/catalog.xsd"))
    }

    static func loader() throws -> CatalogLoader {
        try CatalogLoader.validating(schemaPath: Fixtures.path("Schemas/catalog.xsd"))
    }

    /// Items with source locations cleared (they name the file they were read from), sorted by code.
    static func comparable(_ items: [ServiceItem]) -> [ServiceItem] {
        let blank = SourceLocation(file: "", line: 0, column: 0)
        return items.map { item in
            var copy = item
            copy.location = blank
            copy.materials = copy.materials.map { material in
                var m = material
                m.location = blank
                return m
            }
            return copy
        }.sorted { $0.id < $1.id }
    }

    /// The first differing JSON line between two item lists, or `nil` when equal (readable failure messages).
    static func difference(_ a: [ServiceItem], _ b: [ServiceItem]) -> String? {
        if a == b { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard a.count == b.count else { return "事项数 \(a.count) ≠ \(b.count)" }
        for (x, y) in zip(a, b) where x != y {
            let left = (try? encoder.encode(x)).map { String(decoding: $0, as: UTF8.self) } ?? ""
            let right = (try? encoder.encode(y)).map { String(decoding: $0, as: UTF8.self) } ?? ""
            let l = left.split(separator: "\n")
            let r = right.split(separator: "\n")
            for (i, (p, q)) in zip(l, r).enumerated() where p != q {
                return "\(x.id) 第 \(i) 行：\(p) ≠ \(q)"
            }
            return "\(x.id) 不同"
        }
        return nil
    }

    /// A workbook whose sheets are the given worksheet XML bodies (the `<sheetData>…` and anything after it), with
    /// optional shared strings, styles and extra raw parts.
    static func workbook(
        sheets: [(name: String, body: String)], sharedStrings: [String] = [], styles: String? = nil,
        extra: [(path: String, data: Data)] = [], hidden: Set<String> = []
    ) throws -> String {
        let archive = try Archive(accessMode: .create)
        func add(_ path: String, _ data: Data) throws {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
        }
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var workbook = "<workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\"><sheets>"
        var rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for (index, sheet) in sheets.enumerated() {
            let state = hidden.contains(sheet.name) ? " state=\"hidden\"" : ""
            workbook += "<sheet name=\"\(sheet.name)\" sheetId=\"\(index + 1)\"\(state) r:id=\"rId\(index + 1)\"/>"
            rels +=
                "<Relationship Id=\"rId\(index + 1)\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
            try add(
                "xl/worksheets/sheet\(index + 1).xml",
                Data("<worksheet xmlns=\"\(main)\">\(sheet.body)</worksheet>".utf8))
        }
        try add("xl/workbook.xml", Data((workbook + "</sheets></workbook>").utf8))
        try add("xl/_rels/workbook.xml.rels", Data((rels + "</Relationships>").utf8))
        if !sharedStrings.isEmpty {
            let items = sharedStrings.map { "<si><t>\($0)</t></si>" }.joined()
            try add("xl/sharedStrings.xml", Data("<sst xmlns=\"\(main)\">\(items)</sst>".utf8))
        }
        if let styles { try add("xl/styles.xml", Data("<styleSheet xmlns=\"\(main)\">\(styles)</styleSheet>".utf8)) }
        for part in extra { try add(part.path, part.data) }
        let path = try Fixtures.temporaryDirectory() + "/book.xlsx"
        try archive.data?.write(to: URL(fileURLWithPath: path))
        return path
    }

    /// An inline-string cell.
    static func cell(_ reference: String, _ text: String) -> String {
        "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>"
    }
}
