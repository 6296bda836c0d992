"""Ingest: each report read, extracted, mapped, validated and stored in its own named graph,
then identities, tenures and the store-wide rules brought up to date."""
