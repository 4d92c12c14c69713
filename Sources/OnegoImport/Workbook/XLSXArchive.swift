import Foundation
import OnegoCatalog
import ZIPFoundation

/// The zip container of a workbook, read entry by entry with inflated sizes counted (ZIPFoundation's `Archive`).
struct XLSXArchive {
    let archive: Archive
    let source: String
    let limits: XLSXLimits
    /// The bytes inflated from this workbook so far, shared by the archives of one workbook opened more than once
    /// (joined sheets read on their own threads), so the total limit holds for them together.
    let inflatedTotal: Locked<Int>

    init(path: String, source: String, limits: XLSXLimits, inflatedTotal: Locked<Int> = Locked(0)) throws(ImportError) {
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw ImportError(.source, "\(source): 不是有效的 .xlsx 工作簿（无法作为 zip 打开）", cause: SendableCause(error))
        }
        self.source = source
        self.limits = limits
        self.inflatedTotal = inflatedTotal
    }

    /// Whether the archive holds `path`.
    func contains(_ path: String) -> Bool { archive[path] != nil }

    /// The inflated bytes of `path`, or `nil` when absent (small parts: the workbook, its relationships, styles).
    ///
    /// - Throws: ``ImportError`` (`.limit`) when the entry inflates beyond the limits, naming it.
    func bytes(of path: String) throws(ImportError) -> [UInt8]? {
        var out: [UInt8] = []
        let found = try stream(path) { chunk in
            out.append(contentsOf: chunk)
            return true
        }
        return found ? out : nil
    }

    /// Inflates `path` chunk by chunk into `consume` (which returns false to stop early), never holding the entry
    /// whole; returns false when the archive has no such entry. Inflated bytes are counted as they arrive.
    ///
    /// - Throws: ``ImportError`` (`.limit`) when the entry inflates beyond the limits (a zip bomb), naming it.
    func stream(
        _ path: String, into consume: (UnsafeBufferPointer<UInt8>) -> Bool
    ) throws(ImportError) -> Bool {
        guard let entry = archive[path] else { return false }
        let declared = Int(clamping: entry.uncompressedSize)
        let compressed = max(1, Int(clamping: entry.compressedSize))
        if declared > limits.maxEntryBytes {
            throw bomb(path, "声明解压后 \(declared) 字节，超过上限 \(limits.maxEntryBytes) 字节")
        }
        if declared > limits.ratioFloorBytes && declared / compressed > limits.maxRatio {
            throw bomb(
                path,
                "声明压缩比 \(declared / compressed):1（压缩 \(compressed) 字节，解压后 \(declared) 字节），超过 \(limits.maxRatio):1，疑似 zip 炸弹"
            )
        }
        let (limits, total) = (self.limits, inflatedTotal)
        var inflated = 0
        var overflow: String?
        var stopped = false
        do {
            _ = try archive.extract(entry, bufferSize: 1 << 16, skipCRC32: false) { chunk in
                inflated += chunk.count
                let inflatedInAll = total.withLock { (all: inout Int) -> Int in
                    all += chunk.count
                    return all
                }
                if inflated > limits.maxEntryBytes {
                    overflow = "解压后超过 \(limits.maxEntryBytes) 字节"
                } else if inflatedInAll > limits.maxTotalBytes {
                    overflow = "工作簿解压总量超过 \(limits.maxTotalBytes) 字节"
                } else if inflated > limits.ratioFloorBytes && inflated / compressed > limits.maxRatio {
                    overflow = "压缩比超过 \(limits.maxRatio):1（压缩 \(compressed) 字节，已解压 \(inflated) 字节），疑似 zip 炸弹"
                }
                if overflow != nil { throw CancellationError() }
                let going = chunk.withUnsafeBytes { raw in consume(raw.bindMemory(to: UInt8.self)) }
                if !going {
                    stopped = true
                    throw CancellationError()
                }
            }
        } catch {
            if let overflow { throw bomb(path, overflow) }
            if !stopped {
                throw ImportError(.source, "\(source): 工作簿部件 \(path) 无法解压", cause: SendableCause(error))
            }
        }
        return true
    }

    private func bomb(_ path: String, _ reason: String) -> ImportError {
        ImportError(.limit, "\(source): 工作簿部件 \(path) \(reason)，已拒绝读取")
    }
}
