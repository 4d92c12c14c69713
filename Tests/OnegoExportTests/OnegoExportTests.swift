// Tests for OnegoExport.
