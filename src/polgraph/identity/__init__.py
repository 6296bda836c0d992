"""Identities across reports: persons and tenures."""
