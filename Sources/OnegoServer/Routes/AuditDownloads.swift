import Foundation
import Hummingbird
import OnegoAudit
import OnegoExport

/// `GET /audit/download/FORMAT`: the audit report as a file to keep or share, in the formats of
/// `onego audit --format` (the same renderers): `xlsx` (targets, work lists by department, findings), `csv`
/// (findings), `sarif`, `html` (the printable report) and `json`.
struct AuditDownloads {
    let store: WorkbenchStore

    /// A downloadable format: its media type and the file name offered.
    enum Format: String, CaseIterable {
        case xlsx, csv, sarif, html, json

        var mediaType: String {
            switch self {
            case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            case .csv: "text/csv; charset=utf-8"
            case .sarif: "application/sarif+json"
            case .html: "text/html; charset=utf-8"
            case .json: "application/json; charset=utf-8"
            }
        }

        /// The file name offered: `审计报告.xlsx` (with an ASCII fallback `audit.xlsx`).
        var disposition: String {
            let name = "审计报告." + rawValue
            let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            return "attachment; filename=\"audit.\(rawValue)\"; filename*=UTF-8''\(encoded)"
        }
    }

    func register(on router: Router<BasicRequestContext>) {
        router.get("/audit/download/:format") { _, context in
            guard let format = context.parameters.get("format").flatMap(Format.init(rawValue:)) else {
                throw HTTPError(.notFound)
            }
            guard let report = store.data.audit else { throw HTTPError(.notFound) }
            let bytes = try Self.render(report, as: format)
            var headers = HTTPFields()
            headers[.contentType] = format.mediaType
            headers[.contentDisposition] = format.disposition
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
        }
    }

    /// The report in `format`, as `onego audit --format FORMAT` writes it.
    static func render(_ report: AuditReport, as format: Format) throws -> [UInt8] {
        switch format {
        case .xlsx: Array(try AuditXLSXReport.render(report))
        case .csv: Array(AuditCSVReport.render(report).utf8)
        case .sarif: Array(try AuditSARIFReport.render(report).utf8)
        case .html: Array(AuditHTMLReport.render(report).utf8)
        case .json: Array(try AuditJSONReport.render(report).utf8)
        }
    }
}
