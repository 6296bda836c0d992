"""What the API's routes and the web pages show, worked out in the query workers.

Plain functions of a store and plain values (``registry.HANDLERS`` names them), with the reading
helpers they share (``graph``, ``ids``, ``search``, ``tables``, ``evidence``, ``careers``). None
needs the web framework: a query worker imports these and nothing of the web.
"""
