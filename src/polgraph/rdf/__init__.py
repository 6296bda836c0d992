"""From extracted facts to RDF: IRIs, the mapping to the ontology, and SHACL validation."""
