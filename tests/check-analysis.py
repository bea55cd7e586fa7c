#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Recomputes actnet's centralities, communities' modularity and whole-graph
statistics with networkx and checks that they agree (1e-6 relative).

usage: check-analysis.py GRAPH.graphml [--rank RANK.tsv] [--stats STATS.json]
                         [--resolution R]

GRAPH.graphml gives the structure (nodes named by actor_id, edge weight).
actnet's values come from RANK.tsv (`actnet rank --format tsv --top 0`) when
given, else from the node attributes of GRAPH.graphml (a file written by
`actnet build`). STATS.json is `actnet stats --format json`. Exit 0 when
everything agrees (prints a summary line), 1 otherwise.

Conventions matched (actnet = igraph 0.10, distance = 1/weight):
- shortest paths use exact rational distances (igraph compares path
  lengths with a tolerance, so float sums would break ties differently);
- betweenness: not normalised, each unordered pair once = networkx
  betweenness_centrality(normalized=False, weight=distance);
- closeness: (reached nodes) / (sum of distances to them), 0 when isolated
  = networkx closeness_centrality(distance=..., wf_improved=False);
- harmonic: networkx harmonic_centrality(distance=...) / (n - 1);
- eigenvector: weighted, compared after scaling both to a maximum of 1;
- pagerank: weighted, damping 0.85;
- coreness: networkx core_number (unweighted);
- average clustering: unweighted, degree < 2 counts as 0 (networkx's rule);
- assortativity: networkx attribute_assortativity_coefficient on "type"
  (unweighted); undefined (NaN) is JSON null;
- modularity: networkx community.modularity of the "community" partition,
  weighted, same resolution; null without edges.
"""

import argparse
import csv
import json
import math
import sys
from fractions import Fraction

import networkx as nx

REL = 1e-6
ABS = 1e-9


class Mismatch(Exception):
    pass


def close(a, b):
    return abs(a - b) <= REL * max(abs(a), abs(b)) + ABS


def expect(what, got, want):
    if not close(got, want):
        raise Mismatch('%s: actnet %.12g, networkx %.12g' % (what, got, want))


def load_graph(path):
    raw = nx.read_graphml(path)
    if raw.is_directed() or raw.is_multigraph():
        raise Mismatch('expected a simple undirected graph')
    graph = nx.Graph()
    name = {}
    for node, data in raw.nodes(data=True):
        name[node] = str(data.get('actor_id', node))
        graph.add_node(name[node], **data)
    for a, b, data in raw.edges(data=True):
        w = float(data.get('weight', 1.0))
        # Exact distances: with floats, 1/3 + 1/3 + 1/3 and 1 are two
        # lengths to networkx but one to igraph, which compares path
        # lengths with a tolerance; with fractions both see the true ties.
        graph.add_edge(name[a], name[b], weight=w,
                       distance=1 / Fraction(repr(w)))
    return graph


def actnet_values(graph, rank_path):
    """{measure: {node: value}} from the rank TSV or the GraphML attributes."""
    measures = ['degree', 'strength', 'betweenness', 'closeness', 'harmonic',
                'eigenvector', 'pagerank', 'coreness', 'community']
    values = {m: {} for m in measures}
    if rank_path:
        with open(rank_path, encoding='utf-8') as stream:
            rows = list(csv.DictReader(stream, delimiter='\t',
                                       quoting=csv.QUOTE_NONE))
        for row in rows:
            for m in measures:
                values[m][row['id']] = float(row[m])
        if set(values['degree']) != set(graph.nodes):
            raise Mismatch('the ranking does not list exactly the nodes of the graph')
    else:
        for node, data in graph.nodes(data=True):
            for m in measures:
                if m not in data:
                    raise Mismatch('node %s has no attribute %s' % (node, m))
                values[m][node] = float(data[m])
    return values


def eigenvector_reference(graph):
    """Leading eigenvector of the weighted adjacency matrix, max = 1."""
    import numpy
    nodes = list(graph.nodes)
    if graph.number_of_edges() == 0:
        return {v: 0.0 for v in nodes}
    matrix = nx.to_numpy_array(graph, nodelist=nodes, weight='weight')
    eigenvalues, vectors = numpy.linalg.eigh(matrix)
    vector = numpy.abs(vectors[:, numpy.argmax(eigenvalues)])
    vector /= vector.max()
    return dict(zip(nodes, vector))


def check_nodes(graph, values):
    n = graph.number_of_nodes()
    reference = {
        'degree': dict(graph.degree()),
        'strength': dict(graph.degree(weight='weight')),
        'betweenness': nx.betweenness_centrality(graph, normalized=False,
                                                 weight='distance'),
        'closeness': nx.closeness_centrality(graph, distance='distance',
                                             wf_improved=False),
        'harmonic': {v: (float(h) / (n - 1) if n > 1 else 0.0) for v, h in
                     nx.harmonic_centrality(graph, distance='distance').items()},
        'pagerank': nx.pagerank(graph, alpha=0.85, weight='weight',
                                tol=1e-14, max_iter=100000),
        'coreness': nx.core_number(graph),
        'eigenvector': eigenvector_reference(graph),
    }
    top = max(values['eigenvector'].values(), default=0.0)
    if top > 0:
        values['eigenvector'] = {v: x / top for v, x in values['eigenvector'].items()}
    for measure, ref in reference.items():
        for node in graph.nodes:
            expect('%s of %s' % (measure, node), values[measure][node], float(ref[node]))
    return len(reference)


def partition(values):
    groups = {}
    for node, c in values['community'].items():
        if c < 0 or c != int(c):
            raise Mismatch('community %r of %s is not a non-negative integer' % (c, node))
        groups.setdefault(int(c), set()).add(node)
    # actnet's numbering: by decreasing size, ties by the first node.
    return groups


def check_numbering(graph, groups):
    order = {node: i for i, node in enumerate(graph.nodes)}
    ids = sorted(groups)
    if ids != list(range(len(ids))):
        raise Mismatch('communities are not numbered 0..K-1: %s' % ids)
    keys = [(-len(groups[c]), min(order[v] for v in groups[c])) for c in ids]
    if keys != sorted(keys):
        raise Mismatch('communities are not numbered by decreasing size, then first node')


def check_stats(graph, stats, groups, resolution):
    n = graph.number_of_nodes()
    m = graph.number_of_edges()
    components = list(nx.connected_components(graph))
    largest = max((len(c) for c in components), default=0)
    expect('nodes', stats['nodes'], n)
    expect('edges', stats['edges'], m)
    expect('density', stats['density'], nx.density(graph) if n > 1 else 0.0)
    expect('components', stats['components'], len(components))
    expect('largest_component', stats['largest_component'], largest)
    expect('largest_component_share', stats['largest_component_share'],
           largest / n if n else 0.0)
    expect('average_clustering', stats['average_clustering'],
           nx.average_clustering(graph) if n else 0.0)
    expect('transitivity', stats['transitivity'], nx.transitivity(graph))
    expect('mean_degree', stats['mean_degree'], 2.0 * m / n if n else 0.0)
    expect('mean_strength', stats['mean_strength'],
           2.0 * graph.size(weight='weight') / n if n else 0.0)
    expect('communities', stats['communities'], len(groups))

    with_types = m > 0 and len({d.get('type', '') for _, d in graph.nodes(data=True)}) > 1
    assortativity = (nx.attribute_assortativity_coefficient(graph, 'type')
                     if with_types else float('nan'))
    if math.isnan(assortativity):
        if stats['type_assortativity'] is not None:
            raise Mismatch('type_assortativity: actnet %r, networkx undefined'
                           % stats['type_assortativity'])
    else:
        expect('type_assortativity', stats['type_assortativity'], assortativity)

    if m == 0:
        if stats['modularity'] is not None:
            raise Mismatch('modularity without edges should be null')
    else:
        q = nx.community.modularity(graph, list(groups.values()), weight='weight',
                                    resolution=resolution)
        expect('modularity', stats['modularity'], q)
        return q
    return float('nan')


def main(argv):
    parser = argparse.ArgumentParser(description='Check actnet analysis with networkx.')
    parser.add_argument('graph')
    parser.add_argument('--rank')
    parser.add_argument('--stats')
    parser.add_argument('--resolution', type=float, default=1.0)
    args = parser.parse_args(argv)
    try:
        graph = load_graph(args.graph)
        values = actnet_values(graph, args.rank)
        checked = check_nodes(graph, values)
        groups = partition(values)
        check_numbering(graph, groups)
        q = float('nan')
        if args.stats:
            with open(args.stats, encoding='utf-8') as stream:
                q = check_stats(graph, json.load(stream), groups, args.resolution)
    except Mismatch as error:
        print('check-analysis: %s: %s' % (args.graph, error), file=sys.stderr)
        return 1
    print('nodes=%d edges=%d measures=%d communities=%d modularity=%.6f'
          % (graph.number_of_nodes(), graph.number_of_edges(), checked,
             len(groups), q))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
