"""The gazetteer: Vietnam's official administrative units, before and after the 2025
reorganisation (from ``vietnamadminunits``), looked up by name while reading and mapping."""
