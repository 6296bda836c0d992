"""polgraph: a knowledge graph of local political events.

Reports go in (structured extraction JSON/YAML now, free text later), RDF comes out, one
named graph per report, validated with SHACL before it is stored.
"""

__version__ = "0.1.0"
