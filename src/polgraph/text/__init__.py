"""Text hygiene shared by every stage: Unicode, tone placement, keys and slugs."""
