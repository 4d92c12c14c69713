import ArgumentParser
import Foundation
import OnegoCatalog
import OnegoComposer
import OnegoExport

/// `compose --enumerate`: every valid answer set, composed and written one at a time.
///
/// With `--answer`, only the answer sets that show every given question and answer it so are listed.
/// The number of answer sets is counted exactly first (without listing them) and stated; beyond ``limit`` the
/// command refuses, saying how many there are. Text output is a header with that number and one line per answer
/// set. JSON output is one array, written element by element as each composition is made (never held whole in
/// memory): its length is the stated number. Memory stays that of one composition whatever the count.
enum ComposeEnumeration {
    /// The most answer sets `--enumerate` composes.
    static let limit = 10_000

    static func run(
        composer: Composer, matter: Matter, given: AnswerSet, format: OutputFormat,
        accepted: CalendarDay?,
        compose: (AnswerSet) throws -> Composition
    ) throws {
        let found: (count: AnswerSetCount?, sets: AnswerSetSequence)
        do {
            found = try composer.answerSets(for: matter, asOf: accepted ?? .today(), fixing: given)
        } catch {
            // A question the matter does not have is a mistake in the command line, like a misspelt option.
            if case .unknownQuestion = error { throw ValidationError(error.description) }
            throw CommandFailure(error)
        }
        let fixedText = given.isEmpty ? "" : "（固定 \(given)）"
        guard let total = found.count else {
            throw CommandFailure(
                "一件事 \(matter.code) 的情形追问关系过于复杂，无法精确计算情形组合数，已拒绝列举；请用 --answer 编排所需情形",
                code: .cliEnumerationRefused)
        }
        guard let count = total.exactValue, count <= UInt64(limit) else {
            throw CommandFailure(
                "一件事 \(matter.code)（\(matter.name)）\(fixedText)共 \(total) 种情形组合，超过 --enumerate 的上限 \(limit) 种，"
                    + "已拒绝列举；请用 --answer 问题=答案 固定部分情形后再列举",
                code: .cliEnumerationRefused)
        }
        let output = BufferedOutput()
        let sets = found.sets
        switch format {
        case .text:
            output.write("一件事：\(matter.name)（\(matter.code)）\(fixedText)，共 \(count) 种情形组合\n\n")
            output.write("情形 | 事项 | 材料 | 跑动 | 串联→关键路径（工作日；按办公时间计的注明小时）\n")
            for answers in sets {
                output.write(CompositionText.enumerationRow(try compose(answers)) + "\n")
            }
        case .json:
            output.write(
                "{\n\"schemaVersion\" : \(Terminal.schemaVersion),\n\"count\" : \(count),\n\"compositions\" : [")
            var isFirst = true
            for answers in sets {
                let element = try CompositionJSON.text(try compose(answers))
                output.write((isFirst ? "\n" : ",\n") + element)
                isFirst = false
            }
            output.write(isFirst ? "]\n}\n" : "\n]\n}\n")
        }
        output.flush()
    }
}

/// Standard output in 64 KB writes.
private final class BufferedOutput {
    private var buffer = Data()

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        StandardStreams.write(bytes: buffer, to: .output)
        buffer.removeAll(keepingCapacity: true)
    }
}
