// Tests for OnegoComposer.
