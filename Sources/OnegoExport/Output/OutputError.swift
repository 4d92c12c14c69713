public import OnegoBase

/// Why an output file could not be written. The target is left as it was.
public struct OutputError: CodedError, Sendable, Hashable {
    /// The path as the user gave it.
    public var path: String
    /// What went wrong.
    public var reason: Reason

    /// Creates an error.
    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    /// The kinds of failure.
    public enum Reason: Sendable, Hashable {
        /// The target is one of the command's inputs.
        case isInput(String)
        /// The target is a catalog-format file inside an input folder.
        case insideInput(String)
        /// The target (after following links, when given) is an existing XML document, which only onego inputs are.
        case looksLikeInput(String)
        /// The target's real name ends in `.xml` or `.xsd`, the formats of onego's inputs and never of its reports.
        case catalogFormat(String)
        /// The target is a folder.
        case isDirectory
        /// The target is a socket, a block device or another file that cannot take a report.
        case unsupportedFile(String)
        /// The path goes through a symbolic link that another user owns (given: the link's path and owner).
        case untrustedLink(String, owner: UInt32)
        /// Following symbolic links did not end (a loop, or too many links).
        case tooManyLinks
        /// The target's folder does not exist.
        case missingFolder(String)
        /// The temporary file could not be created.
        case cannotCreate(String)
        /// Writing or flushing failed.
        case cannotWrite(String)
        /// The final rename failed.
        case cannotRename(String)
        /// The export itself failed before anything was written.
        case aborted(String)
        /// The target of a folder output exists and is a file.
        case notAFolder
        /// The target folder exists, is not empty and was not written by onego.
        case foreignFolder
        /// Another run holds the output folder's lock (given: how many seconds this run waited).
        case busy(Int)
        /// The run was interrupted by a signal; temporary files were removed.
        case interrupted
    }

    /// The stable code: `output.input-protected` (the target is or looks like an input), `output.target` (the
    /// target cannot take the output), `output.write` (creating, writing or renaming failed), `output.busy` or
    /// `output.interrupted`.
    public var code: RuleID {
        switch reason {
        case .isInput, .insideInput, .looksLikeInput, .catalogFormat: RuleID("output.input-protected")
        case .isDirectory, .unsupportedFile, .untrustedLink, .tooManyLinks, .missingFolder, .notAFolder,
            .foreignFolder:
            RuleID("output.target")
        case .cannotCreate, .cannotWrite, .cannotRename, .aborted: RuleID("output.write")
        case .busy: RuleID("output.busy")
        case .interrupted: RuleID("output.interrupted")
        }
    }

    /// The text users read.
    public var description: String {
        switch reason {
        case .isInput(let input):
            "\(path): 错误: 输出位置与输入 \(input) 重合，为保护原始数据拒绝覆盖；请换一个输出路径"
        case .insideInput(let input):
            "\(path): 错误: 输出文件位于输入文件夹 \(input) 中且为目录文件格式，会被当作输入读取；请换一个输出路径"
        case .looksLikeInput(let real):
            "\(path): 错误: 输出位置 \(real) 已有一个 XML 文件（onego 的输入都是 XML，报告和指南不是），为保护原始数据拒绝覆盖；请换一个输出路径"
        case .catalogFormat(let real):
            "\(path): 错误: 输出文件 \(real) 是 .xml/.xsd：onego 的报告和指南不会是 XML，这类路径只会是输入文件（目录、一件事、日历、政策等），已拒绝写入"
        case .isDirectory: "\(path): 错误: 输出路径是文件夹，请给出文件名"
        case .unsupportedFile(let kind): "\(path): 错误: 输出位置是\(kind)，无法写入报告；请给出普通文件、终端、管道或 /dev/stdout"
        case .untrustedLink(let link, let owner):
            "\(path): 错误: 符号链接 \(link) 属于其他用户（uid \(owner)），为防止被引向他处拒绝经由它写入；请直接给出真实路径"
        case .tooManyLinks: "\(path): 错误: 符号链接层数过多或形成循环，无法确定输出位置"
        case .missingFolder(let folder): "\(path): 错误: 输出文件夹 \(folder) 不存在"
        case .cannotCreate(let why): "\(path): 错误: 无法创建临时文件（\(why)），原文件未改动"
        case .cannotWrite(let why): "\(path): 错误: 写入失败（\(why)），原文件未改动"
        case .cannotRename(let why): "\(path): 错误: 无法替换目标文件（\(why)），原文件未改动"
        case .aborted(let why): "\(path): 错误: 导出中止（\(why)），原文件未改动"
        case .notAFolder: "\(path): 错误: 输出位置已有同名文件，不是文件夹"
        case .foreignFolder:
            "\(path): 错误: 输出文件夹已存在且不是 onego 生成的，为免误删拒绝替换；请指定新文件夹或清空它"
        case .busy(let seconds):
            "\(path): 错误: 另一个 onego 进程正在写入该文件夹，已等待 \(seconds) 秒仍未结束；请待其完成后重试"
        case .interrupted: "\(path): 错误: 运行被中断，临时文件已删除，原内容未改动"
        }
    }
}
