"""From a report to its facts: the extraction JSON contract and the readers that produce it."""
