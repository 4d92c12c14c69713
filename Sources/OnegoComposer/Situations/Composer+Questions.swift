extension Composer {
    /// The ids of the questions shown for `answers`, each decided from the answers to the questions before it, so
    /// a form can show follow-up questions as they come to apply and drop answers to questions no longer shown.
    public func shownQuestions(for matter: Matter, answers: AnswerSet) -> Set<String> {
        prepared(matter).resolver.shownQuestions(answers)
    }
}
