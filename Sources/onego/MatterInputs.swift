import ArgumentParser
import OnegoBase
import OnegoComposer
import OnegoExport

extension Workspace {
    /// Runs a workspace call for a command: the diagnostics of a failure are printed in compiler form, and the
    /// failure stops the command (exit 1) with its sentence.
    static func reported<Value>(_ body: () throws(WorkspaceError) -> Value) throws -> Value {
        do {
            return try body()
        } catch {
            if !error.diagnostics.isEmpty { Terminal.print(error.diagnostics) }
            throw CommandFailure(error)
        }
    }
}

/// What `compose` and `guide` check in the answers given on the command line.
enum MatterInputs {
    /// Refuses (usage error) an answer to a question the matter does not have, listing the questions it has,
    /// nearest first.
    static func checkQuestions(_ answers: AnswerSet, of matter: Matter) throws {
        let ids = matter.questions.map(\.id)
        for key in answers.questionIDs where !ids.contains(key) {
            let near = CommandSuggestion.nearest(to: key, among: ids)
            let list = matter.questions.map { "\($0.id)（\($0.text)）" }.joined(separator: "、")
            throw ValidationError(
                "一件事 \(matter.code)（\(matter.name)）没有编号为 \(key) 的情形问题"
                    + (near.isEmpty ? "" : "，您是不是要用 \(near.map { "--answer \($0)=…" }.joined(separator: " 或 "))")
                    + "；可用的问题：\(list.isEmpty ? "无" : list)")
        }
    }
}
