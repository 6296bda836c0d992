"""One share of a graph's parts searched for Louvain communities in a process of its own: the
parts come in pickled on stdin, their communities go out pickled on stdout (see
``polgraph.analytics.louvain``)."""

import pickle
import sys

from polgraph.analytics.louvain import search_all

if __name__ == "__main__":
    share, seed = pickle.load(sys.stdin.buffer)
    pickle.dump(search_all(share, seed), sys.stdout.buffer)
