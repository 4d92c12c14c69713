import OnegoComposer

/// Saving an edited matter over its file changes only what the edit changed: elements whose content is the same
/// keep their text byte for byte (comments, line breaks, attribute order, the root's `version`); a changed
/// container (members, questions, a question, an answer …) keeps its unchanged children and their comments, and
/// only changed or new elements are written by ``MatterWriter``. Saving without changes gives back the file.
///
/// The result is checked: loaded back, it must write exactly as the edited matter does; otherwise (an unusual
/// file) the whole matter is written by ``MatterWriter``, still after the file's leading comments and with its
/// `version`.
enum MatterPatch {
    /// The text to save for `matter` over `original`, the file's text on disk ("" for a new file).
    static func document(_ matter: Matter, over original: String) -> String {
        guard !original.isEmpty, let file = XMLElementContent(original), file.children.count == 1,
            let old = MatterLoader(schema: nil).load(bytes: Array(original.utf8), name: "").matter
        else { return MatterWriter().document(matter) }
        let root = file.children[0]
        let version = root.attribute("version").flatMap { $0.contains("&") ? nil : $0 }
        let writer = MatterWriter(version: version)
        let before = writer.document(old)
        let after = writer.document(matter)
        guard before != after else { return original }
        guard let written = XMLElementContent(after), written.children.count == 1 else { return after }
        let whole = root.leading + written.children[0].text + file.trailing
        guard let canonical = XMLElementContent(before), canonical.children.count == 1 else { return whole }
        let patched = root.leading + merge(root, canonical.children[0], written.children[0]) + file.trailing
        guard let again = MatterLoader(schema: nil).load(bytes: Array(patched.utf8), name: "").matter,
            writer.document(again) == after
        else { return whole }
        return patched
    }

    /// The text of element `file` (as on disk) after the change from `old` to `new` (both as the writer writes
    /// them, `old` being what `file` loads as).
    static func merge(_ file: XMLSegment, _ old: XMLSegment, _ new: XMLSegment) -> String {
        if old.text == new.text { return file.text }
        guard let fileInner = file.inner, let oldInner = old.inner, let newInner = new.inner,
            let fileContent = XMLElementContent(fileInner), let oldContent = XMLElementContent(oldInner),
            let newContent = XMLElementContent(newInner), keys(fileContent.children) == keys(oldContent.children)
        else { return new.text }
        let oldKeys = keys(oldContent.children)
        var text = old.startTag == new.startTag ? file.startTag : new.startTag
        for (child, key) in zip(newContent.children, keys(newContent.children)) {
            if let index = oldKeys.firstIndex(of: key) {
                let kept = fileContent.children[index]
                text += kept.leading + merge(kept, oldContent.children[index], child)
            } else {
                text += child.leading + child.text
            }
        }
        let trailing = fileContent.children.isEmpty ? newContent.trailing : fileContent.trailing
        return text + trailing + file.endTag
    }

    /// What identifies each child among its siblings: its name, its identifying attribute (`id`, `value`,
    /// `member`, `question`) and how many siblings before it have the same.
    static func keys(_ children: [XMLSegment]) -> [String] {
        var seen: [String: Int] = [:]
        return children.map { child in
            let identity = ["id", "value", "member", "question"].lazy.compactMap { child.attribute($0) }.first ?? ""
            let base = child.name + "|" + identity
            let count = seen[base, default: 0]
            seen[base] = count + 1
            return base + "|" + String(count)
        }
    }
}
