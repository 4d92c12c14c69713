import Foundation
import OnegoComposer

/// Asks a matter's situation questions on the terminal, one at a time, follow-ups as they become due: only those
/// the `--answer` options left open, each with the hint the matter gives, and at the end the command line that
/// gives the same answers without asking.
enum ComposePrompt {
    /// Whether questions may be asked: standard input is a terminal.
    static var canAsk: Bool { isatty(STDIN_FILENO) == 1 }

    /// Asks the questions `given` leaves open and returns `given` with the answers added; prints the equivalent
    /// command line to standard error when anything was asked.
    static func ask(composer: Composer, matter: Matter, given: AnswerSet = AnswerSet()) throws -> AnswerSet {
        var answers = given
        guard !composer.missingQuestions(for: matter, answers: answers).isEmpty else { return answers }
        Terminal.err("一件事“\(matter.name)”：请回答以下情形问题（直接回车退出）。")
        var asked: [String] = []
        while let question = composer.missingQuestions(for: matter, answers: answers).first {
            let options = question.answers.enumerated().map { "\($0.offset + 1). \($0.element.displayText)" }
            let how: String
            switch question.kind {
            case .multiple: how = "可多选，用逗号分隔"
            case .number: how = "填数值，单位\(question.unit ?? "")"
            case .date: how = "填日期 YYYY-MM-DD"
            case .yesNo, .single: how = "填序号或答案"
            }
            let hint = question.hint.map { "\n  说明：\($0)" } ?? ""
            Terminal.errRaw("\n\(question.text)\(hint)\n  \(options.joined(separator: "  "))（\(how)）> ")
            guard let line = readLine(), !line.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw CommandFailure("未完成情形问题的回答", code: .cliAnswersIncomplete)
            }
            var chosen: [String] = []
            for part in line.split(whereSeparator: { $0 == "," || $0 == "，" }) {
                let text = part.trimmingCharacters(in: .whitespaces)
                if let number = Int(text), question.answers.indices.contains(number - 1) {
                    chosen.append(question.answers[number - 1].value)
                } else if let match = question.answers.first(where: { $0.value == text || $0.label == text }) {
                    chosen.append(match.value)
                } else {
                    chosen.append(text)
                }
            }
            var trial = answers
            trial.set(
                chosen, for: question.id, isMultiple: question.kind == .multiple, isNumber: question.kind == .number)
            do {
                _ = try composer.compose(matter: matter, answers: trial)
                answers = trial
                asked.append(question.id)
            } catch {
                if case .missingAnswers = error {
                    answers = trial
                    asked.append(question.id)
                } else {
                    Terminal.err(error.description)
                }
            }
        }
        if !asked.isEmpty { Terminal.err("\n不再提问的等效命令：\n  " + equivalentCommand(adding: answers, asked: asked)) }
        return answers
    }

    /// This run's command line with an `--answer` option for each question asked.
    static func equivalentCommand(
        adding answers: AnswerSet, asked: [String], arguments: [String] = CommandLine.arguments
    )
        -> String
    {
        let program = ["onego"] + arguments.dropFirst()
        let added = asked.flatMap { id in ["--answer", "\(id)=\(answers[id].joined(separator: ","))"] }
        return (program + added).map(shellQuoted).joined(separator: " ")
    }

    /// A word as a POSIX shell reads it back: unchanged when it holds only safe characters, else single-quoted.
    static func shellQuoted(_ word: String) -> String {
        let safe = word.unicodeScalars.allSatisfy { scalar in
            scalar.value > 0x7F || CharacterSet.alphanumerics.contains(scalar)
                || "-_=./,:@%+".unicodeScalars.contains(scalar)
        }
        if safe && !word.isEmpty { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
