// OnegoAudit: the consistency-rule registry, coverage rates, time-limit compression and policy targets.
