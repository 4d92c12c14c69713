import Foundation
import ZIPFoundation

/// A failure to build an Office file (XLSX, DOCX) in memory.
public struct OfficePackageError: Error, Sendable, CustomStringConvertible {
    /// The part being written when it failed (`xl/workbook.xml` …), if any.
    public var part: String?
    /// The underlying error's description.
    public var cause: String

    /// What the user reads.
    public var description: String {
        "错误: 无法生成 Office 文件" + (part.map { "（部件 \($0)）" } ?? "") + "：\(cause)"
    }
}

/// An Open Packaging Conventions zip built in memory: named XML parts, deflated, with a fixed timestamp so the same
/// input gives the same bytes.
struct OfficePackage {
    /// The parts in the order they are stored; `[Content_Types].xml` should come first.
    var parts: [(path: String, text: String)] = []

    /// Adds a part.
    mutating func add(_ path: String, _ text: String) { parts.append((path, text)) }

    /// The zip archive's bytes.
    func data() throws(OfficePackageError) -> Data {
        let archive: Archive
        do {
            archive = try Archive(accessMode: .create)
        } catch {
            throw OfficePackageError(part: nil, cause: String(describing: error))
        }
        // 1980-01-01, the earliest date a zip entry can carry, so output does not depend on the clock.
        let stamp = Date(timeIntervalSince1970: 315_532_800)
        for (path, text) in parts {
            let bytes = Data(text.utf8)
            do {
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: stamp,
                    compressionMethod: .deflate
                ) { position, size in
                    bytes.subdata(in: Int(position)..<Int(position) + size)
                }
            } catch {
                throw OfficePackageError(part: path, cause: String(describing: error))
            }
        }
        guard let data = archive.data else { throw OfficePackageError(part: nil, cause: "压缩包为空") }
        return data
    }

    /// Escapes text for XML content and attribute values, dropping characters XML 1.0 forbids.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The XML declaration every part starts with.
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
}
