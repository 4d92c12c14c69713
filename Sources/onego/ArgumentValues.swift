import ArgumentParser
import Foundation
import OnegoCatalog
import OnegoComposer

// Option values parsed once, when the command line is read. A value that does not parse is kept with its text, and
// the command's `validate()` reports it with the option's own label in the one date wording (`印发日期“2026-02-30”
// 无效：日期不存在（2026 年 2 月只有 28 天）`), which argument-parser's generic “invalid value” message cannot say.

/// A `YYYY-MM-DD` option or argument.
struct DayArgument: ExpressibleByArgument {
    /// The text as given.
    var text: String
    /// The day, nil when the text is no date.
    var day: CalendarDay?

    init(argument: String) {
        text = argument
        day = CalendarDay(iso: argument)
    }

    /// The day, or the usage error `LABEL“TEXT”无效：…`.
    func checked(_ label: String) throws -> CalendarDay {
        guard let day else { throw ValidationError(CalendarDay.invalidText(label, text)) }
        return day
    }
}

/// An acceptance option: `YYYY-MM-DD`, or a date and time `YYYY-MM-DDTHH:MM`.
struct AcceptanceArgument: ExpressibleByArgument {
    /// The text as given.
    var text: String
    /// The date and time, when a time was given.
    var moment: CalendarMoment?
    /// The day (of the moment when a time was given); nil when the text is neither form.
    var day: CalendarDay?

    init(argument: String) {
        text = argument
        moment = CalendarMoment(iso: argument)
        day = CalendarDay(iso: argument) ?? moment?.day
    }

    /// Throws the usage error `LABEL“TEXT”无效：…` when the text is neither a date nor a date and time.
    func check(_ label: String) throws {
        if day == nil { throw ValidationError(CalendarMoment.invalidText(label, text)) }
    }
}

/// A situation answer `QUESTION=VALUE[,VALUE…]` (several values for a multiple-choice question).
struct AnswerArgument: ExpressibleByArgument {
    /// The text as given.
    var text: String
    /// The question and its values, or why the text is no answer.
    var parsed: Result<(question: String, values: [String]), ValidationError>

    init(argument: String) {
        text = argument
        parsed = Self.parse(argument)
    }

    private static func parse(_ raw: String) -> Result<(question: String, values: [String]), ValidationError> {
        guard let equals = raw.firstIndex(of: "="), equals != raw.startIndex else {
            return .failure(ValidationError("回答“\(raw)”应写成 问题=答案，例如 --answer invoice=是"))
        }
        let question = String(raw[..<equals]).trimmingCharacters(in: .whitespaces)
        let values = raw[raw.index(after: equals)...].split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard !values.isEmpty, !values.contains(where: \.isEmpty) else {
            return .failure(ValidationError("回答“\(raw)”缺少答案"))
        }
        return .success((question, values))
    }
}

extension [AnswerArgument] {
    /// The answers as an answer set; the first malformed one is the usage error.
    func answerSet() throws -> AnswerSet {
        var set = AnswerSet()
        for answer in self {
            let (question, values) = try answer.parsed.get()
            for value in values { set.add(value, for: question) }
        }
        return set
    }
}
