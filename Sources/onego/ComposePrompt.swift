import Foundation
import OnegoComposer

/// Asks a matter's situation questions on the terminal, one at a time, follow-ups as they become due.
enum ComposePrompt {
    static func ask(composer: Composer, matter: Matter) throws -> AnswerSet {
        var answers = AnswerSet()
        Terminal.err("一件事“\(matter.name)”：请回答以下情形问题（直接回车退出）。")
        while let question = composer.missingQuestions(for: matter, answers: answers).first {
            let options = question.answers.enumerated().map { "\($0.offset + 1). \($0.element.displayText)" }
            let how: String
            switch question.kind {
            case .multiple: how = "可多选，用逗号分隔"
            case .number: how = "填数值，单位\(question.unit ?? "")"
            case .date: how = "填日期 YYYY-MM-DD"
            case .yesNo, .single: how = "填序号或答案"
            }
            Terminal.errRaw("\n\(question.text)\n  \(options.joined(separator: "  "))（\(how)）> ")
            guard let line = readLine(), !line.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw CommandFailure("未完成情形问题的回答")
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
            } catch {
                if case .missingAnswers = error {
                    answers = trial
                } else {
                    Terminal.err(error.description)
                }
            }
        }
        return answers
    }
}
