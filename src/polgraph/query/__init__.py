"""Reading the stored graph: the named SPARQL queries (``queries/``), their results as tables,
and the whole-graph exports (RDF formats and Popolo JSON)."""
