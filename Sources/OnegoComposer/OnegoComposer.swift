// OnegoComposer: "one matter, one go" bundles — matter definitions (Schemas/matter.xsd), situation questions,
// merged and de-duplicated material lists, document flow between members, stages and the critical path.
