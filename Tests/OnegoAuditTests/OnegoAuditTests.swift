// Tests for OnegoAudit.
