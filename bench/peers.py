"""Peers of the centrality benchmark: NetworkX and igraph on an edge list
written by bench/graphs.ts ("n m directed" then "source target" lines).

    /usr/bin/python3 bench/peers.py LIB ALGO EDGEFILE RUNS

LIB is networkx or igraph, ALGO pagerank or betweenness. Prints one JSON
line: load seconds, the seconds of each run, and the peak RSS (MiB). For
NetworkX PageRank it also times the two halves of its `pagerank` (NetworkX
2.8: `pagerank_scipy`) apart, with the same steps: building the transition
matrix from the graph ("matrixTimes": to_scipy_sparse_array, rows divided by
their sums) and the power iteration on it ("iterationTimes").
PageRank uses the parameters of newsgraph's analysis (alpha 0.85, tolerance
1e-8 per node, 1000 iterations at most); betweenness is exact, unweighted,
normalised.
"""
import json
import resource
import sys
import time

ALPHA = 0.85
TOLERANCE = 1e-8
MAX_ITER = 1000


def peak_rss_mib():
    # VmHWM, not getrusage: ru_maxrss survives exec and would report the Node parent's peak.
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def read_edges(path):
    with open(path) as handle:
        n, m, directed = (int(x) for x in handle.readline().split())
        edges = [tuple(int(x) for x in line.split()) for line in handle if line.strip()]
    return n, directed == 1, edges


def networkx_pagerank_halves(nx, graph):
    """The two halves of NetworkX 2.8's pagerank_scipy (no personalisation, nstart or dangling dict), as functions."""
    import numpy as np
    import scipy as sp
    import scipy.sparse  # noqa: F401  (sp.sparse)

    def matrix():
        nodelist = list(graph)
        A = nx.to_scipy_sparse_array(graph, nodelist=nodelist, weight="weight", dtype=float)
        S = A.sum(axis=1)
        S[S != 0] = 1.0 / S[S != 0]
        Q = sp.sparse.csr_array(sp.sparse.spdiags(S.T, 0, *A.shape))
        return nodelist, Q @ A, S

    def iterate(built):
        nodelist, A, S = built
        N = len(nodelist)
        x = np.repeat(1.0 / N, N)
        p = np.repeat(1.0 / N, N)
        is_dangling = np.where(S == 0)[0]
        for _ in range(MAX_ITER):
            xlast = x
            x = ALPHA * (x @ A + sum(x[is_dangling]) * p) + (1 - ALPHA) * p
            if np.absolute(x - xlast).sum() < N * TOLERANCE:
                return dict(zip(nodelist, map(float, x)))
        raise nx.PowerIterationFailedConvergence(MAX_ITER)

    return matrix, iterate


def main():
    lib, algo, path, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    t0 = time.perf_counter()
    n, directed, edges = read_edges(path)
    if lib == "networkx":
        import networkx as nx

        graph = nx.DiGraph() if directed else nx.Graph()
        graph.add_nodes_from(range(n))
        graph.add_edges_from(edges)
        if algo == "pagerank":
            run = lambda: nx.pagerank(graph, alpha=ALPHA, tol=TOLERANCE, max_iter=MAX_ITER)
        else:
            run = lambda: nx.betweenness_centrality(graph, normalized=True)
    elif lib == "igraph":
        import igraph

        graph = igraph.Graph(n=n, edges=edges, directed=directed)
        if algo == "pagerank":
            run = lambda: graph.pagerank(damping=ALPHA)
        else:
            run = lambda: graph.betweenness(directed=directed)
    else:
        raise SystemExit("peers.py: unknown library " + lib)
    load = time.perf_counter() - t0

    def timed(fn):
        out = []
        for _ in range(runs):
            t = time.perf_counter()
            fn()
            out.append(time.perf_counter() - t)
        return out

    times = timed(run)
    result = {"lib": lib, "algo": algo, "loadSeconds": load, "times": times}
    if lib == "networkx" and algo == "pagerank":
        matrix, iterate = networkx_pagerank_halves(nx, graph)
        result["matrixTimes"] = timed(matrix)
        built = matrix()
        result["iterationTimes"] = timed(lambda: iterate(built))
    result["version"] = nx.__version__ if lib == "networkx" else igraph.__version__
    result["peakRssMiB"] = peak_rss_mib()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
