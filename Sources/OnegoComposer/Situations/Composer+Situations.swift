public import OnegoCatalog

extension Composer {
    /// The exact number of valid, complete answer sets of a matter, counted without listing them (a number or
    /// date question counts one answer per interval between its thresholds); nil when the follow-up structure
    /// is too entangled to count within ``AnswerSetCounter``'s state limit.
    public func answerSetCount(for matter: Matter) -> AnswerSetCount? {
        prepared(matter).resolver.countAnswerSets()
    }

    /// Every valid, complete answer set of a matter, one at a time, in the stable order of
    /// ``AnswerSetSequence``; date questions get dates relative to `asOf`.
    public func answerSets(for matter: Matter, asOf: CalendarDay) -> AnswerSetSequence {
        prepared(matter).resolver.answerSets(asOf: asOf)
    }

    /// The answer sets that agree with some given answers (`--enumerate --answer q1=是`): those that show every
    /// given question and answer it so, counted exactly and streamed.
    ///
    /// - Throws: ``CompositionError`` for an unknown question or answer, several answers to a single-choice
    ///   question, or a malformed number or date.
    public func answerSets(for matter: Matter, asOf: CalendarDay, fixing given: AnswerSet) throws(CompositionError)
        -> (count: AnswerSetCount?, sets: AnswerSetSequence)
    {
        let resolver = prepared(matter).resolver
        let fixed = try resolver.fixedChoices(given, asOf: asOf)
        return (resolver.countAnswerSets(fixed: fixed), resolver.answerSets(asOf: asOf, fixed: fixed))
    }

    /// What some answer set of the matter can show, choose and select, decided exactly.
    public func reachability(for matter: Matter) -> SituationReachability {
        let resolver = prepared(matter).resolver
        return SituationReachability(space: resolver.space, matter: matter)
    }
}
