import Foundation
import Hummingbird
import OnegoCatalog
import OnegoComposer
import OrderedCollections

/// The situation answers a URL carries: `q.QUESTION=VALUE` from the matter form (repeated for multiple choice), or
/// `answer=QUESTION=VALUE` as in `onego compose --answer`. Answers to questions not shown are dropped, so changing an
/// earlier answer never leaves a stale follow-up behind.
struct RequestAnswers {
    /// The answer set.
    var answers: AnswerSet
    /// The acceptance date, when given.
    var accepted: CalendarDay?
    /// The acceptance date and time, when a time was given (`accepted=YYYY-MM-DDTHH:MM`, or the form's date and
    /// `time=HH:MM`): hour-counted plans are then due at a time of day, as with `onego compose --accepted`.
    var acceptedAt: CalendarMoment?

    init(_ parameters: Parameters, matter: Matter, composer: Composer) {
        var given = AnswerSet()
        for question in matter.questions {
            let values = parameters.getAll("q.\(question.id)").filter { !$0.isEmpty }
            if !values.isEmpty { given.set(values, for: question.id, isMultiple: question.kind == .multiple) }
        }
        for raw in parameters.getAll("answer") {
            guard let equals = raw.firstIndex(of: "=") else { continue }
            let id = String(raw[..<equals])
            let values = raw[raw.index(after: equals)...].split(separator: ",").map(String.init)
            let isMultiple = matter.question(id: id)?.kind == .multiple
            given.set(values, for: id, isMultiple: isMultiple)
        }
        let shown = composer.shownQuestions(for: matter, answers: given)
        var kept = AnswerSet()
        for (id, values) in given.values where shown.contains(id) || matter.question(id: id) == nil {
            kept.set(values, for: id, isMultiple: given.multipleChoice.contains(id))
        }
        answers = kept
        let text = parameters.get("accepted") ?? ""
        let time = parameters.get("time") ?? ""
        acceptedAt = CalendarMoment(iso: text) ?? (time.isEmpty ? nil : CalendarMoment(iso: text + "T" + time))
        accepted = CalendarDay(iso: text) ?? acceptedAt?.day
    }

    /// The query string that reproduces these answers in the matter form.
    var query: [(String, String)] {
        var pairs: [(String, String)] = []
        for (id, values) in answers.values { for value in values { pairs.append(("q.\(id)", value)) } }
        if let accepted { pairs.append(("accepted", accepted.description)) }
        if let acceptedAt { pairs.append(("time", acceptedAt.clock)) }
        return pairs
    }

    /// The equivalent `onego compose` command line.
    func command(matter: Matter, workspace: String) -> String {
        var parts = ["onego", "compose", matter.code, "--catalog", workspace]
        for (id, values) in answers.values { parts += ["--answer", "\(id)=\(values.joined(separator: ","))"] }
        if let acceptedAt {
            parts += ["--accepted", "\(acceptedAt.day)T\(acceptedAt.clock)"]
        } else if let accepted {
            parts += ["--accepted", accepted.description]
        }
        return parts.map(Self.shellQuoted).joined(separator: " ")
    }

    static func shellQuoted(_ word: String) -> String {
        let plain = word.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || "-_./=,:0123456789".unicodeScalars.contains($0)
        }
        return plain && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
