"""Identities across reports: official places, persons, tenures."""
