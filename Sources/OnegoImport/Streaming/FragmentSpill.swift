import Foundation
import OnegoBase

/// The checked items' elements of an import, appended to one temporary file as they pass their check, with the
/// runs of bytes each output file holds: each catalog file is then written as its header, its runs and its footer
/// without the items ever being held together in memory.
final class FragmentSpill {
    let path: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var flushed = 0
    /// The runs (offset, length) of each output file's items, in order, by file.
    private(set) var runs: [[(offset: Int, count: Int)]] = []

    /// Creates an empty spill file at `path`.
    init(path: String) throws(ImportError) {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forUpdatingAtPath: path)
        else { throw ImportError(.output, "无法写入临时文件 \(path)") }
        self.path = path
        self.handle = handle
    }

    deinit { try? handle.close() }

    /// Whether file `file` holds any item.
    func holdsItems(_ file: Int) -> Bool { runs.indices.contains(file) && !runs[file].isEmpty }

    /// Appends an item's element to file `file`.
    func append(_ bytes: [UInt8], file: Int) throws(ImportError) {
        while runs.count <= file { runs.append([]) }
        let offset = flushed + buffer.count
        if let last = runs[file].last, last.offset + last.count == offset {
            runs[file][runs[file].count - 1].count += bytes.count
        } else {
            runs[file].append((offset, bytes.count))
        }
        buffer += bytes
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Forgets everything appended (an import that starts over).
    func reset() throws(ImportError) {
        buffer.removeAll()
        runs = []
        flushed = 0
        do {
            try handle.truncate(atOffset: 0)
        } catch {
            throw ImportError(.output, "无法写入临时文件 \(path)", cause: SendableCause(error))
        }
    }

    /// Copies the items of file `file` into `out`, in the order they were appended.
    func copy(file: Int, to out: FileHandle) throws(ImportError) {
        try flush()
        guard runs.indices.contains(file) else { return }
        do {
            for run in runs[file] {
                try handle.seek(toOffset: UInt64(run.offset))
                var left = run.count
                while left > 0 {
                    guard let chunk = try handle.read(upToCount: min(left, 1 << 20)), !chunk.isEmpty else {
                        throw ImportError(.output, "临时文件 \(path) 意外变短")
                    }
                    try out.write(contentsOf: chunk)
                    left -= chunk.count
                }
            }
        } catch let error as ImportError {
            throw error
        } catch {
            throw ImportError(.output, "无法复制临时文件 \(path)", cause: SendableCause(error))
        }
    }

    private func flush() throws(ImportError) {
        guard !buffer.isEmpty else { return }
        do {
            try handle.seekToEnd()
            try handle.write(contentsOf: buffer)
        } catch {
            throw ImportError(.output, "无法写入临时文件 \(path)", cause: SendableCause(error))
        }
        flushed += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }
}
