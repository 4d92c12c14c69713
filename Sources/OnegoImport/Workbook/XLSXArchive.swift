import Foundation
import ZIPFoundation

/// The zip container of a workbook, read entry by entry with inflated sizes counted (ZIPFoundation's `Archive`).
struct XLSXArchive {
    let archive: Archive
    let source: String
    let limits: XLSXLimits
    private var inflatedTotal = 0

    init(path: String, source: String, limits: XLSXLimits) throws(ImportError) {
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw ImportError(.source, "\(source): 不是有效的 .xlsx 工作簿（无法作为 zip 打开）", cause: SendableCause(error))
        }
        self.source = source
        self.limits = limits
    }

    /// Whether the archive holds `path`.
    func contains(_ path: String) -> Bool { archive[path] != nil }

    /// The inflated bytes of `path`, or `nil` when absent.
    ///
    /// - Throws: ``ImportError`` (`.limit`) when the entry inflates beyond the limits, naming it.
    mutating func bytes(of path: String) throws(ImportError) -> [UInt8]? {
        guard let entry = archive[path] else { return nil }
        let declared = Int(clamping: entry.uncompressedSize)
        let compressed = max(1, Int(clamping: entry.compressedSize))
        if declared > limits.maxEntryBytes {
            throw bomb(path, "声明解压后 \(declared) 字节，超过上限 \(limits.maxEntryBytes) 字节")
        }
        var out: [UInt8] = []
        out.reserveCapacity(min(declared, 64 << 20))
        let limits = self.limits
        let already = inflatedTotal
        var overflow: String?
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                out.append(contentsOf: chunk)
                if out.count > limits.maxEntryBytes {
                    overflow = "解压后超过 \(limits.maxEntryBytes) 字节"
                } else if already + out.count > limits.maxTotalBytes {
                    overflow = "工作簿解压总量超过 \(limits.maxTotalBytes) 字节"
                } else if out.count > limits.ratioFloorBytes && out.count / compressed > limits.maxRatio {
                    overflow = "压缩比超过 \(limits.maxRatio):1（压缩 \(compressed) 字节，已解压 \(out.count) 字节），疑似 zip 炸弹"
                }
                if overflow != nil { throw CancellationError() }
            }
        } catch {
            if let overflow { throw bomb(path, overflow) }
            throw ImportError(.source, "\(source): 工作簿部件 \(path) 无法解压", cause: SendableCause(error))
        }
        inflatedTotal += out.count
        return out
    }

    private func bomb(_ path: String, _ reason: String) -> ImportError {
        ImportError(.limit, "\(source): 工作簿部件 \(path) \(reason)，已拒绝读取")
    }
}
